import { isCartRecord } from './records.js';
import type { CartState } from '../types.js';
import { webStorage } from './webStorage.js';

const KEY = 'cartback:cart';

/**
 * This tab's copy of the cart in sessionStorage: written synchronously, so it survives a
 * navigation that starts right after a change. An IndexedDB write started just before the
 * page goes can be cut off with it (Chromium aborts the transactions of a closing document),
 * and the next page would read the cart as it was before. The next page of the tab prefers
 * this copy when it is newer than what IndexedDB has.
 */
export function tabCopy(win: Window | undefined) {
  const session = webStorage(win, 'sessionStorage');
  return {
    read(): CartState | undefined {
      try {
        const record = { v: 1, cart: JSON.parse(session.read(KEY)!) };
        if (isCartRecord(record)) return record.cart;
      } catch {}
    },
    write: (state: CartState) => session.write(KEY, JSON.stringify(state)),
    remove: () => session.remove(KEY),
  };
}
