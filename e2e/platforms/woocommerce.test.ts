import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { getCart, waitForCartback, type CartItem, type TestWindow } from '../support/cartbackPage';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { startWooStore, type Exchange } from '../support/startWooStore';
import { cartItemKey } from '../support/wooStoreApi';
import { observeQuietPeriod, type PageWatch } from '../support/watchPage';

/** One browser and one fixture WooCommerce store for the file; a fresh profile (and session) per test. */
const t = setupBrowserTests(startWooStore);
afterEach(() => {
  t.site.cartAnswer = 'cart';
  t.site.currency = 'EUR';
});

type WooWindow = TestWindow & {
  jQuery: ((element: Element) => { trigger(type: string): void }) & { _data(element: Element, key: string): Record<string, unknown[]> | undefined };
  themeLog: Array<{ action?: string; path?: string; sent: string; status: number; received: string }>;
  native: { fetch: typeof fetch; open: XMLHttpRequest['open'] };
};

/** A shopper's page (a fresh profile and WooCommerce session) once cartback's adapter has read the cart. */
async function openShop(path: string): Promise<{ page: Page; watch: PageWatch }> {
  const { page, watch } = await t.openPage(path, {
    initScripts: [
      () => {
        (window as unknown as WooWindow).native = { fetch: window.fetch, open: XMLHttpRequest.prototype.open };
      },
    ],
  });
  await waitForCartback(page);
  await waitForCartRead(page, 1);
  return { page, watch };
}

/** Waits until the page has read the Store API cart `count` times (resource timing entries). */
const waitForCartRead = (page: Page, count: number) =>
  page.waitForFunction(
    (n) => performance.getEntriesByType('resource').filter((entry) => /wc\/store\/v1\/cart$/.test(entry.name)).length >= n,
    count,
  );

/** Clicks a theme button and waits until the theme has its answer (one more `themeLog` entry). */
async function clickThrough(page: Page, selector: string) {
  const before = await page.evaluate(() => (window as unknown as WooWindow).themeLog.length);
  await page.click(selector);
  await page.waitForFunction((n) => (window as unknown as WooWindow).themeLog.length > n, before);
}

const waitForCount = (page: Page, count: number) =>
  page.waitForFunction((n) => (window as unknown as TestWindow).cartback.cart.count === n, count);

/** cartback's cart holding exactly `lines` (id → quantity), in order. */
const waitForLines = (page: Page, lines: Array<[string, number]>) =>
  page.waitForFunction(
    (expected) => JSON.stringify((window as unknown as TestWindow).cartback.cart.items.map((i) => [i.id, i.quantity])) === expected,
    JSON.stringify(lines),
  );

const wooDebugLines = (watch: PageWatch) => watch.cartbackMessages('info').filter((entry) => entry.text.startsWith('[cartback] woocommerce:'));

const beanie = (quantity: number): CartItem => ({
  id: '11',
  name: 'Beanie with Logo',
  price: 19.99,
  quantity,
  sku: 'woo-beanie-logo',
  url: `${t.site.url}/product/beanie-with-logo/`,
  image: `${t.site.url}/wp-content/uploads/beanie-with-logo-450x450.jpg`,
});
const coffee = (quantity: number): CartItem => ({
  id: '13',
  name: 'Coffee – Single Origin',
  price: 12.5,
  quantity,
  sku: 'coffee-so',
  url: `${t.site.url}/product/coffee-single-origin/`,
  image: `${t.site.url}/wp-content/uploads/coffee-single-origin-450x450.jpg`,
});
const hoodie = (quantity: number): CartItem => ({
  id: '31',
  name: 'Hoodie - Blue, L',
  price: 45,
  quantity,
  sku: 'woo-hoodie-blue-l',
  url: `${t.site.url}/product/hoodie/`,
  image: `${t.site.url}/wp-content/uploads/hoodie-450x450.jpg`,
});

interface SentEvent {
  id: string;
  type: string;
  cart: { id: string; value: number; count: number; currency: string; items: CartItem[] };
  order?: Record<string, unknown>;
}
/** Every event of `type` the store's /events endpoint has received so far, once each (delivery is at-least-once). */
const sentEvents = (type: string): SentEvent[] => [
  ...new Map(
    t.site.received
      .flatMap((body) => (body as { events?: SentEvent[] }).events ?? [])
      .filter((event) => event.type === type)
      .map((event) => [event.id, event]),
  ).values(),
];
const getCartId = (page: Page) => page.evaluate(() => (window as unknown as { cartback: { cart: { id: string } } }).cartback.cart.id);
const flush = (page: Page) => page.evaluate(() => (window as unknown as { cartback: { flush(): Promise<void> } }).cartback.flush());

/** The exchanges with the store's cart endpoints made since `from`, leaving out cartback's own reads. */
const themeExchanges = (from: number): Exchange[] =>
  t.site.exchanges.slice(from).filter((exchange) => !(exchange.method === 'GET' && /wc\/store\/v1\/cart$/.test(exchange.url)));
const cartReads = () => t.site.exchanges.filter((exchange) => exchange.method === 'GET' && /wc\/store\/v1\/cart$/.test(exchange.url)).length;

describe('WooCommerce, classic theme (jQuery, ?wc-ajax=)', () => {
  it("fills cartback's cart through the theme's own buttons: ids, names, quantities and exact totals", async () => {
    const { page, watch } = await openShop('/shop-classic.html');
    for (let i = 0; i < 3; i++) await clickThrough(page, '[data-product_id="11"]');
    await clickThrough(page, '[data-product_id="13"]');
    await clickThrough(page, '[data-product_id="31"]');
    await waitForCount(page, 5);

    expect(await getCart(page)).toEqual({ items: [beanie(3), coffee(1), hoodie(1)], value: 117.47, count: 5 });
    // What reaches the endpoint is the same cart, totals exact (cart_updated comes 1 s after the last change).
    const cartId = await getCartId(page);
    const full = () => sentEvents('cart_updated').filter((event) => event.cart.id === cartId && event.cart.count === 5);
    await expect.poll(async () => (await flush(page), full().length)).toBe(1);
    expect(full()[0]!.cart).toMatchObject({
      value: 117.47,
      currency: 'EUR',
      items: [beanie(3), coffee(1), hoodie(1)],
    });
    expect(watch.pageErrors).toEqual([]);
  });

  it('follows a removal from the mini-cart', async () => {
    const { page, watch } = await openShop('/shop-classic.html');
    await clickThrough(page, '[data-product_id="11"]');
    await clickThrough(page, '[data-product_id="13"]');
    await waitForLines(page, [['11', 1], ['13', 1]]);

    await clickThrough(page, '.remove_from_cart_button[data-product_id="13"]');
    await waitForLines(page, [['11', 1]]);
    expect(await getCart(page)).toEqual({ items: [beanie(1)], value: 19.99, count: 1 });
    expect(watch.pageErrors).toEqual([]);
  });

  it('shows a cart emptied on the server as empty after the next cart event', async () => {
    const { page } = await openShop('/shop-classic.html');
    await clickThrough(page, '[data-product_id="11"]');
    await waitForCount(page, 1);

    t.site.emptyCarts();
    // cart-fragments.js refreshes the mini-cart on `wc_fragment_refresh`, then triggers
    // `wc_fragments_refreshed`: only the jQuery event tells cartback (`get_refreshed_fragments`
    // is not a cart change).
    await page.evaluate(() => (window as unknown as WooWindow).jQuery(document.body).trigger('wc_fragment_refresh'));
    await waitForCount(page, 0);
    expect(await getCart(page)).toEqual({ items: [], value: 0, count: 0 });
  });

  it('hooks the jQuery events of a theme whose jQuery arrives after the adapter started', async () => {
    const { page, watch } = await openShop('/shop-classic.html?late-jquery');
    const loaded = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('resource')
          .filter((entry) => /cartback-woocommerce\.js|jquery\.min\.js/.test(entry.name))
          .map((entry) => [entry.name.includes('jquery') ? 'jquery' : 'adapter', entry as PerformanceResourceTiming]),
      ),
    );
    // The scenario holds: the adapter had loaded (and started) before jQuery's response began.
    expect(loaded.adapter!.responseEnd).toBeLessThan(loaded.jquery!.responseStart);
    const hooked = await page.evaluate(() => (window as unknown as WooWindow).jQuery._data(document.body, 'events')?.wc_fragments_refreshed);
    expect(hooked?.length).toBe(1);

    await clickThrough(page, '[data-product_id="11"]');
    await waitForCount(page, 1);
    t.site.emptyCarts();
    await page.evaluate(() => (window as unknown as WooWindow).jQuery(document.body).trigger('wc_fragment_refresh'));
    await waitForCount(page, 0);
    expect(watch.pageErrors).toEqual([]);
  });

  it("passes the theme's requests and answers through unchanged", async () => {
    const { page } = await openShop('/shop-classic.html');
    const from = t.site.exchanges.length;
    // The page's XMLHttpRequest and fetch are cartback's wrappers while it runs.
    expect(
      await page.evaluate(() => {
        const { native } = window as unknown as WooWindow;
        return [XMLHttpRequest.prototype.open !== native.open, window.fetch !== native.fetch];
      }),
    ).toEqual([true, true]);
    await clickThrough(page, '[data-product_id="13"]');
    await clickThrough(page, '[data-product_id="31"]');
    await clickThrough(page, '.remove_from_cart_button[data-product_id="13"]');
    await waitForLines(page, [['31', 1]]);

    const log = await page.evaluate(() => (window as unknown as WooWindow).themeLog);
    const exchanges = themeExchanges(from);
    expect(exchanges.map((e) => [e.method, e.url, e.contentType])).toEqual([
      ['POST', '/?wc-ajax=add_to_cart', 'application/x-www-form-urlencoded; charset=UTF-8'],
      ['POST', '/?wc-ajax=add_to_cart', 'application/x-www-form-urlencoded; charset=UTF-8'],
      ['POST', '/?wc-ajax=remove_from_cart', 'application/x-www-form-urlencoded; charset=UTF-8'],
    ]);
    expect(exchanges.map((e) => e.body)).toEqual(log.map((entry) => entry.sent));
    expect(exchanges[0]!.body).toBe('quantity=1&product_id=13&product_sku=coffee-so');
    expect(log.map((entry) => [entry.status, entry.received])).toEqual(exchanges.map((e) => [e.status, e.response]));
  });

  it.each([
    ['malformed-json' as const, /^the cart at http:\/\/127\.0\.0\.1:\d+\/wp-json\/wc\/store\/v1\/cart was ignored: .*JSON/],
    ['wrong-shape' as const, /^the cart at http:\/\/127\.0\.0\.1:\d+\/wp-json\/wc\/store\/v1\/cart was ignored: the price 1250 is not a string of minor units\.$/],
  ])('leaves the cart as it was on a %s Store API answer, with a debug line and no page error', async (answer, reason) => {
    const { page, watch } = await openShop('/shop-classic.html');
    await clickThrough(page, '[data-product_id="13"]');
    await waitForCount(page, 1);

    t.site.cartAnswer = answer;
    await clickThrough(page, '[data-product_id="11"]');
    await expect.poll(() => wooDebugLines(watch).length).toBeGreaterThan(0);

    expect(wooDebugLines(watch)[0]!.text.replace('[cartback] woocommerce: ', '')).toMatch(reason);
    expect(await getCart(page)).toEqual({ items: [coffee(1)], value: 12.5, count: 1 });
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
  });

  it('ignores a cart in another currency, with a debug line naming data-currency', async () => {
    const { page, watch } = await openShop('/shop-classic.html');
    await clickThrough(page, '[data-product_id="13"]');
    await waitForCount(page, 1);

    t.site.currency = 'USD';
    await clickThrough(page, '[data-product_id="11"]');
    await expect.poll(() => wooDebugLines(watch).length).toBeGreaterThan(0);

    expect(wooDebugLines(watch)[0]!.text).toBe(
      `[cartback] woocommerce: the cart is in USD, cartback's in EUR: it was ignored. Set data-currency="USD" on the cartback.js tag.`,
    );
    expect(await getCart(page)).toEqual({ items: [coffee(1)], value: 12.5, count: 1 });
  });

  it("destroy() removes the jQuery listeners and the wrappers: the theme's adds no longer reach cartback", async () => {
    const { page, watch } = await openShop('/shop-classic.html');
    await clickThrough(page, '[data-product_id="11"]');
    await waitForCount(page, 1);
    const handlers = () =>
      page.evaluate(() => {
        const events = (window as unknown as WooWindow).jQuery._data(document.body, 'events') ?? {};
        return Object.fromEntries(Object.entries(events).map(([type, list]) => [type, list.length]));
      });
    expect(await handlers()).toEqual({
      click: 2,
      added_to_cart: 2,
      removed_from_cart: 2,
      wc_fragment_refresh: 1,
      updated_cart_totals: 1,
      wc_fragments_refreshed: 1,
      wc_cart_emptied: 1,
    });

    await page.evaluate(() => (window as unknown as TestWindow).cartback.destroy());
    await page.waitForFunction(() => window.fetch === (window as unknown as WooWindow).native.fetch);
    expect(await page.evaluate(() => XMLHttpRequest.prototype.open === (window as unknown as WooWindow).native.open)).toBe(true);
    // The theme's own handlers stay.
    expect(await handlers()).toEqual({ click: 2, added_to_cart: 1, removed_from_cart: 1, wc_fragment_refresh: 1 });

    const reads = cartReads();
    await clickThrough(page, '[data-product_id="13"]');
    await observeQuietPeriod(page);
    expect(cartReads()).toBe(reads);
    expect(await getCart(page)).toEqual({ items: [beanie(1)], value: 19.99, count: 1 });
    expect(watch.pageErrors).toEqual([]);
  });

  it('converts the cart on the order-received page: order_completed reaches /events and the cart is empty', async () => {
    const { page, watch } = await openShop('/shop-classic.html');
    for (let i = 0; i < 3; i++) await clickThrough(page, '[data-product_id="11"]');
    await waitForCount(page, 3);
    const bought = await getCartId(page);

    await page.goto(`${t.site.url}/checkout/order-received/1234/?key=wc_order_fixture`);
    await waitForCartback(page);
    await waitForCount(page, 0);
    const orders = () => sentEvents('order_completed').filter((event) => event.order?.orderId === '1234');
    await expect.poll(async () => (await flush(page), orders().length)).toBe(1);
    const [order] = orders();
    expect(order!.order).toEqual({ orderId: '1234', value: 59.97, currency: 'EUR' });
    expect(order!.cart).toMatchObject({ id: bought, value: 59.97, count: 3, items: [beanie(3)] });
    expect(await getCart(page)).toEqual({ items: [], value: 0, count: 0 });
    expect(watch.pageErrors).toEqual([]);
  });
});

describe('WooCommerce, block theme (Store API, plain permalinks, no jQuery)', () => {
  it("fills cartback's cart through the Store API and the blocks' events", async () => {
    const { page, watch } = await openShop('/shop-blocks.html');
    await clickThrough(page, '[data-product_id="31"]');
    for (let i = 0; i < 3; i++) await clickThrough(page, '[data-product_id="11"]');
    await waitForCount(page, 4);

    expect(await getCart(page)).toEqual({ items: [hoodie(1), beanie(3)], value: 104.97, count: 4 });
    expect(watch.pageErrors).toEqual([]);
  });

  it('follows a removal, and passes the Store API requests and answers through unchanged', async () => {
    const { page } = await openShop('/shop-blocks.html');
    const from = t.site.exchanges.length;
    await clickThrough(page, '[data-product_id="13"]');
    await clickThrough(page, '[data-product_id="11"]');
    await waitForLines(page, [['13', 1], ['11', 1]]);
    await clickThrough(page, '.wc-block-cart-item__remove-link');
    await waitForLines(page, [['11', 1]]);
    expect(await getCart(page)).toEqual({ items: [beanie(1)], value: 19.99, count: 1 });

    const log = await page.evaluate(() => (window as unknown as WooWindow).themeLog);
    const exchanges = themeExchanges(from);
    expect(exchanges.map((e) => [e.method, e.url, e.contentType])).toEqual([
      ['POST', '/?rest_route=/wc/store/v1/cart/add-item', 'application/json'],
      ['POST', '/?rest_route=/wc/store/v1/cart/add-item', 'application/json'],
      ['POST', '/?rest_route=/wc/store/v1/cart/remove-item', 'application/json'],
    ]);
    expect(exchanges[0]!.nonce).toMatch(/^[\da-f]{10}$/);
    expect(exchanges.map((e) => e.nonce)).toEqual(Array(3).fill(exchanges[0]!.nonce));
    expect(exchanges.map((e) => e.body)).toEqual(['{"id":13,"quantity":1}', '{"id":11,"quantity":1}', `{"key":"${cartItemKey(13)}"}`]);
    expect(log.map((entry) => entry.sent)).toEqual(exchanges.map((e) => e.body));
    expect(log.map((entry) => [entry.status, entry.received])).toEqual(exchanges.map((e) => [e.status, e.response]));
    expect(exchanges.map((e) => e.status)).toEqual([201, 201, 200]);
  });

  it('shows a cart emptied on the server as empty when the page comes back from the back/forward cache', async () => {
    const { page } = await openShop('/shop-blocks.html');
    await clickThrough(page, '[data-product_id="11"]');
    await waitForCount(page, 1);

    t.site.emptyCarts();
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    await waitForCount(page, 0);
    expect(await getCart(page)).toEqual({ items: [], value: 0, count: 0 });
  });
});
