import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCart, waitForCartback, type TestWindow } from '../support/cartbackPage';
import { setupBrowserTests } from '../support/setupBrowserTests';
import type { PageWatch } from '../support/watchPage';
import { exitThroughTop, isModalOpen, sentFrom, waitForWidgetChunk } from '../support/widgetPage';

const t = setupBrowserTests();

/** The fixture shop's globals (e2e/fixtures/datalayer): its log of pushes, and the GTM stand-in's. */
type ShopWindow = TestWindow & {
  dataLayer: unknown[];
  shopPushes: Array<{ entry: unknown; returned: unknown }>;
  shopPush(entry: unknown): void;
  gtag(...args: unknown[]): void;
  gtmReceived: unknown[];
  gtmPush: unknown;
  cartChanges: number;
};

// What the shop's GA4 items become in cartback's cart.
const TEE = { id: 'SKU-TEE', name: 'Logo tee', price: 19.99, variant: 'M', category: 'Apparel' };
const STICKERS = { id: 'STICKERS', name: 'Sticker pack', price: 4.5 };
const MUG = { id: 'MUG-01', name: 'Ceramic mug', price: 12.5, category: 'Kitchen' };

/** The cart the page starts with: its two add_to_cart pushes made before cartback.js loaded. */
const PRELOADED = { items: [{ ...TEE, quantity: 2 }, { ...STICKERS, quantity: 1 }], value: 44.48, count: 3 };
/** preload.js's pushes: GTM's start, gtag js/config, a page_view, the ecommerce reset and two adds. */
const PRELOAD_PUSHES = 7;

/**
 * Opens the shop in a fresh profile and waits until the adapter has started: the pushes made
 * before cartback loaded are then in its cart.
 */
async function openShop() {
  const run = randomUUID();
  const opened = await t.openPage(`/datalayer/?run=${run}`);
  await waitForCartback(opened.page);
  await opened.page.waitForFunction(() => (window as unknown as ShopWindow).cartback.cart.count === 3).catch((error: unknown) => {
    // Fail with what the page said (a chunk that did not load, an adapter line) rather than a bare timeout.
    const said = opened.watch.console
      .filter((entry) => entry.type == 'error' || entry.type == 'warning' || entry.text.startsWith('[cartback] datalayer:'))
      .map((entry) => entry.text);
    throw new Error(`the adapter did not fill the cart from the preloaded pushes; the page said: ${JSON.stringify(said)}`, {
      cause: error,
    });
  });
  return { ...opened, run, sent: (type?: string) => sentFrom(t, run, type) };
}

/** The adapter's debug lines (`data-debug` is on). */
const adapterLines = (watch: PageWatch) =>
  watch.cartbackMessages('info').map((m) => m.text).filter((text) => text.startsWith('[cartback] datalayer:'));

/**
 * How the shop's pushes fared: each entry is the very object the shop pushed, at the place
 * the push's return value (the array's new length) says, and the return values themselves.
 */
function readPushes(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as ShopWindow;
    return {
      length: w.dataLayer.length,
      returned: w.shopPushes.map(({ returned }) => returned),
      inPlace: w.shopPushes.every(({ entry, returned }) => w.dataLayer[(returned as number) - 1] === entry),
      gtagEntries: w.dataLayer.filter((entry) => Object.prototype.toString.call(entry) == '[object Arguments]').length,
    };
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function flush(page: Page) {
  await page.evaluate(() => (window as unknown as { cartback: { flush(): Promise<void> } }).cartback.flush());
}

describe('a shop that reports its cart to Google Tag Manager (data-platform="datalayer")', () => {
  it('fills the cart from the pushes made before cartback loaded, and leaves them as they were', async () => {
    const { page, watch } = await openShop();
    expect(await getCart(page)).toEqual(PRELOADED);
    expect(await readPushes(page)).toEqual({
      length: PRELOAD_PUSHES,
      returned: range(1, PRELOAD_PUSHES),
      inPlace: true,
      gtagEntries: 3,
    });
    expect(adapterLines(watch)).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  it("follows the theme's add and remove buttons, GTM-style and gtag() pushes alike, to the cent", async () => {
    const { page, watch } = await openShop();

    await page.click('#add-tee');
    expect(await getCart(page)).toEqual({ items: [{ ...TEE, quantity: 3 }, { ...STICKERS, quantity: 1 }], value: 64.47, count: 4 });

    // gtag('event', 'add_to_cart', ...) with the price as a string, "12.50".
    await page.click('#add-mugs');
    expect(await getCart(page)).toEqual({
      items: [{ ...TEE, quantity: 3 }, { ...STICKERS, quantity: 1 }, { ...MUG, quantity: 2 }],
      value: 89.47,
      count: 6,
    });

    await page.click('#remove-tee');
    expect(await getCart(page)).toEqual({
      items: [{ ...TEE, quantity: 2 }, { ...STICKERS, quantity: 1 }, { ...MUG, quantity: 2 }],
      value: 69.48,
      count: 5,
    });

    await page.click('#remove-stickers');
    expect(await getCart(page)).toEqual({ items: [{ ...TEE, quantity: 2 }, { ...MUG, quantity: 2 }], value: 64.98, count: 4 });

    // Every push still went where it would have gone, and returned the array's length.
    expect(await readPushes(page)).toEqual({ length: 13, returned: range(1, 13), inPlace: true, gtagEntries: 5 });
    expect(adapterLines(watch)).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  it("makes the cart the one view_cart lists, and begin_checkout syncs it and sends checkout_started", async () => {
    const shop = await openShop();
    const { page } = shop;
    await page.click('#add-mugs');
    // cartback's cart drifts from the store's: a line the store never had, and one missing.
    await page.evaluate(() => {
      const { cart } = (window as unknown as ShopWindow).cartback;
      cart.add({ id: 'STRAY', name: 'Stray', price: 1 });
      cart.remove('STICKERS');
    });

    await page.click('#view-cart');
    expect(await getCart(page)).toEqual({
      items: [{ ...TEE, quantity: 2 }, { ...STICKERS, quantity: 1 }, { ...MUG, quantity: 2 }],
      value: 69.48,
      count: 5,
    });

    await page.click('#remove-tee');
    await page.click('#checkout');
    const atCheckout = { items: [{ ...TEE, quantity: 1 }, { ...STICKERS, quantity: 1 }, { ...MUG, quantity: 2 }], value: 49.49, count: 4 };
    expect(await getCart(page)).toEqual(atCheckout);

    await flush(page);
    await expect.poll(() => shop.sent('checkout_started').length, { timeout: 10_000 }).toBe(1);
    expect(shop.sent('checkout_started')[0]!.cart).toMatchObject({ ...atCheckout, currency: 'EUR' });
    expect(shop.watch.pageErrors).toEqual([]);
  });

  it("converts the cart on the thank-you page's purchase, pushed before cartback loaded", async () => {
    const shop = await openShop();
    const { page } = shop;
    await page.click('#add-mugs');
    const ordered = { items: [{ ...TEE, quantity: 2 }, { ...STICKERS, quantity: 1 }, { ...MUG, quantity: 2 }], value: 69.48, count: 5 };
    expect(await getCart(page)).toEqual(ordered);
    await flush(page); // the cart is stored before the shopper moves on

    await page.goto(`${t.site.url}/datalayer/thanks.html?run=${shop.run}`);
    await waitForCartback(page);
    await page.waitForFunction(() => (window as unknown as ShopWindow).cartback.cart.count === 0);
    await flush(page);
    await expect.poll(() => shop.sent('order_completed').length, { timeout: 10_000 }).toBe(1);
    const [completed] = shop.sent('order_completed');
    expect(completed!.order).toEqual({ orderId: 'T-1001', value: 69.48, currency: 'EUR' });
    expect(completed!.cart).toMatchObject({ ...ordered, currency: 'EUR' });
    expect(await getCart(page)).toEqual({ items: [], value: 0, count: 0 });

    // Back in the shop, a new cart (the page's own pushes again); leaving it shows no modal.
    await page.goto(`${t.site.url}/datalayer/?run=${shop.run}`);
    await waitForCartback(page);
    await page.waitForFunction(() => (window as unknown as ShopWindow).cartback.cart.count === 3);
    await waitForWidgetChunk(page);
    await exitThroughTop(page);
    await flush(page);
    const exitSuppressions = () =>
      shop.sent('widget_suppressed').flatMap((event) => (event.widget == 'exit_intent' ? [event.reason] : []));
    await expect.poll(exitSuppressions, { timeout: 10_000 }).toEqual(['purchased']);
    expect(await isModalOpen(page)).toBe(false);
    expect(shop.sent('exit_intent_shown')).toEqual([]);
    expect(shop.sent('order_completed')).toHaveLength(1);
    expect(shop.watch.pageErrors).toEqual([]);
  });

  it('still sees every push after a GTM-like script replaced dataLayer.push, and GTM gets them all unchanged', async () => {
    const { page, watch } = await openShop();
    await page.addScriptTag({ url: '/datalayer/gtm.js' });
    // gtm.js took dataLayer.push over.
    expect(await page.evaluate(() => ((w) => w.dataLayer.push === w.gtmPush)(window as unknown as ShopWindow))).toBe(true);

    await page.click('#add-tee');
    await page.click('#add-mugs');
    await page.click('#remove-stickers');
    expect(await getCart(page)).toEqual({ items: [{ ...TEE, quantity: 3 }, { ...MUG, quantity: 2 }], value: 84.97, count: 5 });

    const seen = await page.evaluate(() => {
      const w = window as unknown as ShopWindow;
      return {
        dataLayer: w.dataLayer.length,
        gtm: w.gtmReceived.length,
        same: w.gtmReceived.every((entry, i) => w.dataLayer[i] === entry),
        last: w.dataLayer[w.dataLayer.length - 1] === w.shopPushes[w.shopPushes.length - 1]!.entry,
      };
    });
    // The preload pushes, GTM's own gtm.load, then the ecommerce reset, the add, the mugs, the removal.
    expect(seen).toEqual({ dataLayer: PRELOAD_PUSHES + 5, gtm: PRELOAD_PUSHES + 5, same: true, last: true });
    // Before GTM, push returned the array's length; since, GTM's push returns true.
    expect((await readPushes(page)).returned).toEqual([...range(1, PRELOAD_PUSHES), true, true, true, true]);
    expect(adapterLines(watch)).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  it('ignores a malformed push or one in another currency with a debug line, and changes nothing', async () => {
    const { page, watch } = await openShop();
    const returned = await page.evaluate(() => {
      const w = window as unknown as ShopWindow;
      w.cartChanges = 0;
      w.cartback.cart.subscribe(() => w.cartChanges++);
      const tee = { item_id: 'SKU-TEE', item_name: 'Logo tee', item_variant: 'M', price: 19.99, quantity: 1 };
      const giftWrap = { item_id: 'GIFT', item_name: 'Gift wrap', price: 'free' };
      w.shopPush({ event: 'add_to_cart', ecommerce: { currency: 'EUR', items: [tee, giftWrap] } });
      w.gtag('event', 'add_to_cart', { currency: 'USD', value: 21.5, items: [{ ...tee, price: 21.5 }] });
      w.shopPush({ event: 'view_cart', ecommerce: { currency: 'EUR', items: null } });
      w.shopPush({ event: 'purchase', ecommerce: { value: 39.98, currency: 'EUR' } });
      return w.shopPushes.slice(-4).map((push) => push.returned);
    });
    expect(returned).toEqual(range(PRELOAD_PUSHES + 1, PRELOAD_PUSHES + 4));
    expect(await getCart(page)).toEqual(PRELOADED);
    expect(await page.evaluate(() => (window as unknown as ShopWindow).cartChanges)).toBe(0);
    // In order, the first once the wording of cart mistakes (a lazy file) is there.
    await expect.poll(() => adapterLines(watch)).toEqual([
      '[cartback] datalayer: ignored add_to_cart: item.price must be a finite number >= 0, e.g. 19.99 (got "free").',
      `[cartback] datalayer: ignored add_to_cart: its currency "USD" is not the cart's EUR (set data-currency to the store's currency)`,
      '[cartback] datalayer: ignored view_cart: items must be an array (got null)',
      '[cartback] datalayer: ignored purchase: transaction_id must be a non-empty string or number (got undefined)',
    ]);
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
    expect(watch.console.filter((entry) => entry.type === 'error')).toEqual([]);
  });

  it('puts dataLayer.push back on destroy(), after which pushes change nothing', async () => {
    const { page, watch } = await openShop();
    await page.evaluate(() => (window as unknown as ShopWindow).cartback.destroy());
    await page.waitForFunction(() => {
      const { dataLayer } = window as unknown as ShopWindow;
      return dataLayer.push === Array.prototype.push && !Object.prototype.hasOwnProperty.call(dataLayer, 'push');
    });

    await page.click('#add-tee');
    await page.click('#view-cart');
    expect(await getCart(page)).toEqual(PRELOADED);
    const pushes = PRELOAD_PUSHES + 4;
    expect(await readPushes(page)).toEqual({ length: pushes, returned: range(1, pushes), inPlace: true, gtagEntries: 3 });
    expect(watch.pageErrors).toEqual([]);
  });
});
