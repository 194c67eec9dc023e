type LockManager = { request(name: string, fn: () => Promise<void>): Promise<void> };

/**
 * Runs `fn` while holding the store-wide flush lock, so that two open tabs never send the
 * same events at the same time. Web Locks where the browser has them; otherwise a lease in
 * localStorage, renewed while held (a crashed tab's lease simply expires).
 */
export function withFlushLock(win: Window, tabId: string): (fn: () => Promise<void>) => Promise<void> {
  const locks = (win.navigator as { locks?: LockManager }).locks;
  if (locks) return (fn) => locks.request('cartback:flush', fn);
  const KEY = 'cartback:flush';
  return async (fn) => {
    try {
      const [holder, until] = (win.localStorage.getItem(KEY) || '').split(' ');
      if (holder !== tabId && Number(until) > Date.now()) return;
      win.localStorage.setItem(KEY, `${tabId} ${Date.now() + 30_000}`);
    } catch {
      // No localStorage either (a sandboxed frame): flush without cross-tab exclusion.
    }
    try {
      await fn();
    } finally {
      try {
        win.localStorage.removeItem(KEY);
      } catch {}
    }
  };
}
