import { describe, expect, it } from 'vitest';
import { getCart, readStoredCart, waitForCartback, type TestWindow } from './support/cartbackPage';
import { setupBrowserTests } from './support/setupBrowserTests';

const t = setupBrowserTests();

const beans = { id: 'beans', name: 'House beans', price: 14.5, quantity: 2, currency: 'EUR', url: '/beans' };
const kettle = { id: 'kettle', name: 'Gooseneck kettle', price: 49.9, quantity: 1, currency: 'EUR' };

describe('the cart survives a reload', () => {
  it('comes back with the same items, value and count', async () => {
    const { page, watch } = await t.openPage('/');
    await waitForCartback(page);
    await page.evaluate(
      ([a, b]) => {
        const { cart } = (window as TestWindow).cartback;
        cart.add(a);
        cart.add(b);
        cart.update('beans', { quantity: 3 });
      },
      [beans, kettle],
    );
    const before = await getCart(page);
    expect(before.count).toBe(4);
    expect(before.value).toBe(93.4);
    // The write is asynchronous: reload once it is on disk, the state the next visit reads.
    await expect
      .poll(async () => (await readStoredCart(page))?.cart.items.map((item) => item.quantity))
      .toEqual([3, 1]);

    await page.reload();
    await waitForCartback(page);

    expect(await getCart(page)).toEqual(before);
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
    expect(watch.cartbackMessages('error')).toEqual([]);
  });

  it('keeps quick changes made just before the shopper follows a link to the next page', async () => {
    const { page } = await t.openPage('/');
    await waitForCartback(page);
    await page.evaluate((item) => (window as TestWindow).cartback.cart.add(item), beans);
    await expect.poll(async () => (await readStoredCart(page))?.cart.items[0]?.quantity).toBe(2);

    // Like a double click on "+" and then straight to checkout: the second change lands
    // while the first one is being saved. Five page changes, so a lost write shows.
    for (let round = 1; round <= 5; round += 1) {
      const expected = round * 10 + 2;
      for (const quantity of [expected - 1, expected]) {
        await page.evaluate((q) => (window as TestWindow).cartback.cart.update('beans', { quantity: q }), quantity);
      }
      await page.click(round % 2 === 1 ? '#to-page-two' : '#to-page-one');
      await page.waitForURL(round % 2 === 1 ? '**/page-two.html' : '**/');
      await waitForCartback(page);
      expect((await getCart(page)).items[0]?.quantity, `quantity after page change ${round}`).toBe(expected);
    }
  });

  it('stays empty after clear() and a reload (a cleared cart does not come back)', async () => {
    const { page } = await t.openPage('/');
    await waitForCartback(page);
    await page.evaluate((item) => (window as TestWindow).cartback.cart.add(item), beans);
    await expect.poll(async () => (await readStoredCart(page))?.cart.items.length).toBe(1);

    expect(await page.evaluate(() => (window as TestWindow).cartback.cart.clear())).toBe(true);
    await expect.poll(async () => (await readStoredCart(page))?.cart.items.length).toBe(0);
    await page.reload();
    await waitForCartback(page);

    expect(await getCart(page)).toEqual({ items: [], value: 0, count: 0 });
  });

  it('stores the record in the documented shape', async () => {
    const { page } = await t.openPage('/');
    await waitForCartback(page);
    await page.evaluate((item) => (window as TestWindow).cartback.cart.add(item), kettle);

    await expect.poll(() => readStoredCart(page)).toMatchObject({
      v: 1,
      cart: {
        id: expect.any(String),
        version: expect.any(Number),
        currency: 'EUR',
        updatedAt: expect.anything(),
        items: [expect.objectContaining(kettle)],
      },
    });
  });
});
