const KEY = 'cartback:consent';

/**
 * A granted consent is remembered between pages in localStorage: a synchronous read at
 * start-up, so with `requireConsent` not even IndexedDB is opened until consent is known.
 * `granted` undefined reads; true or false writes. localStorage may throw (sandboxed frames).
 */
export function consentFlag(win: Window | undefined, granted?: boolean): boolean | undefined {
  try {
    const storage = win!.localStorage;
    if (granted === undefined) return storage.getItem(KEY) == 'granted';
    if (granted) storage.setItem(KEY, 'granted');
    else storage.removeItem(KEY);
  } catch {}
}
