/**
 * One value in localStorage or sessionStorage, which are synchronous: what a closing page
 * writes there is kept, where an IndexedDB write may be cut off. `value` undefined reads,
 * null removes, a string writes. Never throws (storage may be off, full, or forbidden in a
 * sandboxed frame).
 */
export function webStorage(
  win: Window | undefined,
  area: 'localStorage' | 'sessionStorage',
  key: string,
  value?: string | null,
): string | null | undefined {
  try {
    const storage = win![area];
    if (value === undefined) return storage.getItem(key);
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {}
}

/** A granted consent, remembered between pages: read synchronously at start-up. */
export const CONSENT_KEY = 'cartback:consent';
/** Events a closing page could not be sure were stored: the next page moves them to the outbox. */
export const HANDOFF_KEY = 'cartback:outbox';
/** Events the engine made that the tracking chunk had not taken in when the page went away: a prefix, one key per page. */
export const DRAFTS_KEY = 'cartback:drafts:';
