const KEY = 'cartback:consent';

/**
 * Remembers a granted consent between pages in localStorage: a synchronous read at start-up,
 * so with `requireConsent` not even IndexedDB is opened until consent is known.
 */
export function readConsentFlag(win: Window | undefined): boolean {
  try {
    return win?.localStorage.getItem(KEY) === 'granted';
  } catch {
    return false;
  }
}

export function writeConsentFlag(win: Window | undefined, granted: boolean): void {
  try {
    if (granted) win?.localStorage.setItem(KEY, 'granted');
    else win?.localStorage.removeItem(KEY);
  } catch {}
}
