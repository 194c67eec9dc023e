import { describe, expect, it } from 'vitest';
import { getCart, waitForCartback, type TestWindow } from './support/cartbackPage';
import { setupBrowserTests } from './support/setupBrowserTests';
import { observeQuietPeriod } from './support/watchPage';

const t = setupBrowserTests();

describe('the stub queue (calls made before cartback.js loads)', () => {
  it('replays queued calls in order once the SDK is ready', async () => {
    // stubQueue.js: add A, add B, update A to 3, remove B — all before the async tag runs.
    const { page, watch } = await t.openPage('/stub-queue.html');
    expect(await page.evaluate(() => (window as unknown as { stubQueued: number }).stubQueued)).toBe(4);
    await waitForCartback(page);

    const cart = await getCart(page);
    expect(cart.items).toEqual([
      expect.objectContaining({ id: 'A', name: 'Alpha beans', price: 12.5, quantity: 3, currency: 'EUR' }),
    ]);
    expect(cart.count).toBe(3);
    expect(cart.value).toBe(37.5);
    expect(await page.evaluate(() => Array.isArray((window as TestWindow).cartback))).toBe(false);

    await observeQuietPeriod(page);
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
    expect(watch.cartbackMessages('error')).toEqual([]);
  });

  it('keeps accepting push([method, ...args]) after load, so store code never has to care', async () => {
    const { page, watch } = await t.openPage('/stub-queue.html');
    await waitForCartback(page);

    await page.evaluate(() => {
      const { cartback } = window as TestWindow;
      cartback.push(['cart.add', { id: 'C', name: 'Gamma filters', price: 5, quantity: 2 }]);
      cartback.push(['cart.update', 'A', { quantity: 1 }]);
    });

    const cart = await getCart(page);
    expect(cart.items.map(({ id, quantity }) => ({ id, quantity }))).toEqual([
      { id: 'A', quantity: 1 },
      { id: 'C', quantity: 2 },
    ]);
    expect(cart.value).toBe(22.5);
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
  });
});
