import { describe, expect, it } from 'vitest';
import { countIdbWrites, getIdbWrites } from './support/countIdbWrites';
import { getCart, readStoredCart, waitForCartback, type TestWindow } from './support/cartbackPage';
import { setupBrowserTests } from './support/setupBrowserTests';

const t = setupBrowserTests();

/** Counts the writes of the tab's copy of the cart (sessionStorage `cartback:cart`) and their characters. */
function countTabCopyWrites() {
  const counted = { count: 0, chars: 0 };
  (window as unknown as { tabCopyWrites: typeof counted }).tabCopyWrites = counted;
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    if (this === sessionStorage && key == 'cartback:cart') {
      counted.count += 1;
      counted.chars += value.length;
    }
    return setItem.call(this, key, value);
  };
}

const item = { id: 'espresso', name: 'Espresso blend', price: 19.99, quantity: 1, currency: 'EUR' };

// How the 1,000 calls are spread out: all in one task, yielding a microtask every ten
// calls, or yielding a whole macrotask (setTimeout 0) every ten calls.
const bursts = [
  ['in one synchronous loop', 'sync'],
  ['awaiting a microtask every 10 calls', 'microtask'],
  ['awaiting setTimeout(0) every 10 calls', 'timeout'],
] as const;

describe.each(bursts)('1,000 rapid cart.add calls %s', (label, pause) => {
  it('end with quantity 1000 after a reload, persisted in a handful of IndexedDB writes', async () => {
    const { page, watch } = await t.openPage('/', { initScripts: [countIdbWrites, countTabCopyWrites] });
    await waitForCartback(page);

    const results = await page.evaluate(
      async ({ entry, pause }) => {
        const { cart } = (window as TestWindow).cartback;
        const returned: boolean[] = [];
        for (let i = 1; i <= 1000; i += 1) {
          returned.push(cart.add(entry));
          if (i % 10 !== 0 || pause === 'sync') continue;
          if (pause === 'microtask') await Promise.resolve();
          else await new Promise((resolve) => setTimeout(resolve, 0));
        }
        return { allApplied: returned.every(Boolean), quantity: cart.items[0]?.quantity };
      },
      { entry: item, pause },
    );
    expect(results).toEqual({ allApplied: true, quantity: 1000 });

    await expect
      .poll(async () => (await readStoredCart(page))?.cart.items.map((stored) => stored.quantity), { timeout: 10_000 })
      .toEqual([1000]);
    const writes = await getIdbWrites(page);
    console.log(`[e2e] 1,000 cart.add ${label}: ${writes.count} IndexedDB writes to cartback/kv (keys: ${writes.keys.join(', ')})`);
    expect(writes.count).toBeLessThanOrEqual(10);
    // The tab's copy is written when the page hides, not with the changes or the writes
    // (each copy serialises the whole cart): once, with the last state.
    const copies = () => page.evaluate(() => (window as unknown as { tabCopyWrites: { count: number } }).tabCopyWrites.count);
    expect(await copies()).toBe(0);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await copies()).toBe(1);
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('cartback:cart')!).items[0].quantity)).toBe(1000);

    await page.reload();
    await waitForCartback(page);
    const cart = await getCart(page);
    expect(cart.items).toEqual([expect.objectContaining({ ...item, quantity: 1000 })]);
    expect(cart.count).toBe(1000);
    expect(cart.value).toBe(19990);
    expect(watch.pageErrors).toEqual([]);
  });
});
