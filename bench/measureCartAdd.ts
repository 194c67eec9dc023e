import type { Page } from 'playwright-core';

export interface CartAddResult {
  lines: number;
  /** Mean time of one `cart.add` (+1 quantity of an existing line) with its microtasks, in µs. */
  perAddUs: number;
  /** sessionStorage writes per add, and their bytes. */
  sessionWrites: number;
  sessionBytes: number;
}

/**
 * `adds` calls of `cart.add` raising one line's quantity in a cart of `lines` lines, each in a
 * task of its own (as clicks come), timed with the microtasks the call queues (the tab's
 * copy); the coalesced IndexedDB write runs on its own timer, outside the timing.
 */
export function measureCartAdd(page: Page, lines: number, adds: number): Promise<CartAddResult> {
  return page.evaluate(
    async ({ lines, adds }) => {
      const { cart } = (window as unknown as { cartback: { cart: { set(items: unknown[]): void; add(item: unknown): void } } }).cartback;
      cart.set(Array.from({ length: lines }, (_, i) => ({ id: `sku-${i}`, name: `Product ${i}`, price: 9.99, quantity: 1 })));
      await new Promise((done) => setTimeout(done, 1500));
      let writes = 0;
      let bytes = 0;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (this === sessionStorage) {
          writes++;
          bytes += value.length;
        }
        return setItem.call(this, key, value);
      };
      let total = 0;
      for (let i = 0; i < adds; i++) {
        await new Promise((done) => setTimeout(done, 0));
        const t0 = performance.now();
        cart.add({ id: 'sku-0', name: 'Product 0', price: 9.99, quantity: 1 });
        await null;
        await null;
        total += performance.now() - t0;
      }
      Storage.prototype.setItem = setItem;
      return { lines, perAddUs: (1000 * total) / adds, sessionWrites: writes / adds, sessionBytes: bytes / adds };
    },
    { lines, adds },
  );
}
