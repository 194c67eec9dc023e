import { describe, expect, it } from 'vitest';
import { getCart, waitForCartback, type CartSnapshot, type TestWindow } from './support/cartbackPage';
import { setupBrowserTests } from './support/setupBrowserTests';
import { observeQuietPeriod } from './support/watchPage';

const t = setupBrowserTests();

// Init scripts (serialised into the page, so self-contained) that break IndexedDB the ways
// private modes, enterprise policies and sandboxed iframes do, before the SDK loads.
const breakages: Array<[string, () => void]> = [
  [
    'reading window.indexedDB throws',
    () => {
      Object.defineProperty(window, 'indexedDB', {
        configurable: true,
        get() {
          throw new Error('blocked');
        },
      });
    },
  ],
  [
    'indexedDB.open() throws',
    () => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      };
    },
  ],
];

describe.each(breakages)('when %s', (_label, breakIndexedDb) => {
  it('keeps the cart working in memory, warns once, and throws nothing into the page', async () => {
    const { page, watch } = await t.openPage('/', { initScripts: [breakIndexedDb] });
    await waitForCartback(page);

    await page.evaluate(() => {
      const w = window as TestWindow & { __counts: number[] };
      w.__counts = [];
      w.cartback.cart.subscribe((snapshot: CartSnapshot) => w.__counts.push(snapshot.count));
      w.cartback.cart.add({ id: 'a', name: 'Alpha', price: 10, quantity: 1 });
      w.cartback.cart.add({ id: 'b', name: 'Beta', price: 2.5, quantity: 2 });
      w.cartback.cart.update('a', { quantity: 2 });
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __counts: number[] }).__counts.at(-1))).toBe(4);
    expect(await getCart(page)).toMatchObject({
      items: [expect.objectContaining({ id: 'a', quantity: 2 }), expect.objectContaining({ id: 'b', quantity: 2 })],
      value: 25,
      count: 4,
    });

    const indexedDbWarnings = () =>
      watch.cartbackMessages('warning').filter((entry) => /indexeddb/i.test(entry.text));
    await expect.poll(() => indexedDbWarnings().length).toBe(1);
    console.log(`[e2e] fallback warning: ${indexedDbWarnings()[0]?.text}`);

    // More changes mean more (failing) persistence attempts: still one warning, no errors.
    await page.evaluate(() => {
      const { cart } = (window as TestWindow).cartback;
      cart.remove('b');
      cart.add({ id: 'c', name: 'Gamma', price: 1, quantity: 1 });
    });
    await observeQuietPeriod(page, 500);
    expect((await getCart(page)).count).toBe(3);
    expect(indexedDbWarnings()).toHaveLength(1);
    expect(watch.cartbackMessages('error')).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
  });
});
