import type { Copy } from './copy/copy.js';

export interface DisclosureProps {
  copy: Copy;
  /** The store's privacy policy (`privacyUrl`), already checked (safeUrl). */
  privacyUrl: string | undefined;
  /** "Don't show this again" (see createWidget's optOut). */
  onOptOut(): void;
}

/**
 * "Why am I seeing this?", in the modal and the banner: a native disclosure (keyboard and
 * screen readers know it, no script to open it), one sentence, the store's privacy policy,
 * and a way to stop the widget for good.
 */
export function Disclosure({ copy, privacyUrl, onOptOut }: DisclosureProps) {
  return (
    <details part="why">
      <summary part="why-summary">{copy.why}</summary>
      <p part="why-text">
        {copy.whyText}{' '}
        {/* A new tab keeps the store's page. `target=_blank` implies `rel=noopener` in current browsers. */}
        {privacyUrl && (
          <a part="privacy" href={privacyUrl} target="_blank">
            {copy.privacy}
          </a>
        )}
      </p>
      <button part="opt-out" type="button" onClick={onOptOut}>
        {copy.optOut}
      </button>
    </details>
  );
}
