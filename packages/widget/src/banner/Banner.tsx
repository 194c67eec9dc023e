import type { CartSnapshot } from '@cartback/core';
import { fill } from '../copy/copy.js';
import { formatCount } from '../copy/formatCount.js';
import { Disclosure } from '../Disclosure.js';
import { formatMoney } from '../lib/formatMoney.js';
import type { WidgetCopy } from '../copy/getCopy.js';
import type { BannerDismissHow, BannerPosition } from '../internal.js';

/** `copy`, `lang` and `dir` come from getCopy. */
export interface BannerProps extends WidgetCopy {
  cart: CartSnapshot;
  locale: string;
  position: BannerPosition;
  /** False on the first render: the live region is filled a moment after it appears (see below). */
  announce: boolean;
  /** The restore link, already checked (safeUrl). */
  href: string;
  /** The image URL to use, if it is safe (see safeUrl). */
  imageUrl(url: unknown): string | undefined;
  onDismiss(how: BannerDismissHow): void;
  onCheckout(): void;
  privacyUrl: string | undefined;
  onOptOut(): void;
}

/**
 * The return banner: a labelled region, fixed to the top, the bottom or a corner, that never
 * takes focus from the page. Screen readers hear it through a polite live region, filled a
 * moment after it appears: a live region announces changes, not what it held when added.
 * That text is visually hidden and the visible words are hidden from the accessibility tree,
 * so nothing is read twice, and the visible box never changes size (no layout shift).
 */
export function Banner(props: BannerProps) {
  const { cart, copy } = props;
  const { locale } = props;
  const body = fill(copy.bannerBody, { items: formatCount(copy.itemCount, cart.count, locale), total: formatMoney(cart.value, cart.currency, locale) }).join('');
  return (
    <div
      part="banner"
      role="region"
      aria-label={copy.bannerLabel}
      data-position={props.position}
      lang={props.lang}
      dir={props.dir}
      onKeyDown={(event) => event.key == 'Escape' && !event.isComposing && props.onDismiss('escape')}
    >
      {/* At most three thumbnails, decorative: the words say what is in the cart. */}
      {cart.items.slice(0, 3).map((item) => {
        const src = props.imageUrl(item.image);
        return src && <img part="banner-image" src={src} alt="" width={40} height={40} />;
      })}
      <div part="banner-content">
        <p part="banner-text" aria-hidden="true">
          <strong part="banner-title">{copy.bannerTitle}</strong> <span part="banner-body">{body}</span>
        </p>
        <Disclosure copy={copy} privacyUrl={props.privacyUrl} onOptOut={props.onOptOut} />
      </div>
      <p class="cb-sr" role="status" aria-live="polite">
        {props.announce && copy.bannerTitle + '. ' + body}
      </p>
      <a part="banner-checkout" href={props.href} onClick={props.onCheckout}>
        {copy.bannerCheckout}
      </a>
      <button part="banner-dismiss" type="button" aria-label={copy.bannerDismiss} onClick={() => props.onDismiss('close')}>
        ×
      </button>
    </div>
  );
}
