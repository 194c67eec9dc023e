/**
 * localStorage or sessionStorage, which are synchronous: what a closing page writes there is
 * kept, where an IndexedDB write may be cut off. Never throws (storage may be off, full, or
 * forbidden in a sandboxed frame): a read that fails finds nothing, a failed write is lost.
 */
export function webStorage(win: Window | undefined, area: 'localStorage' | 'sessionStorage') {
  const attempt = <T>(use: (storage: Storage) => T): T | undefined => {
    try {
      return use(win![area]);
    } catch {}
  };
  return {
    read: (key: string) => attempt((storage) => storage.getItem(key)),
    write: (key: string, value: string) => void attempt((storage) => storage.setItem(key, value)),
    remove: (key: string) => void attempt((storage) => storage.removeItem(key)),
  };
}

/** A granted consent, remembered between pages: read synchronously at start-up. */
export const CONSENT_KEY = 'cartback:consent';
/** Events a closing page could not be sure were stored: the next page moves them to the outbox. */
export const HANDOFF_KEY = 'cartback:outbox';
/** Events the engine made that the tracking chunk had not taken in when the page went away: a prefix, one key per page. */
export const DRAFTS_KEY = 'cartback:drafts:';
