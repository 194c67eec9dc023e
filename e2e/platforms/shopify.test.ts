import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForCartback, type CartItem } from '../support/cartbackPage';
import { APRON, GIFT_CARD, imageUrl, KETTLE, MUG, TEA } from '../support/shopifyCatalog';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { addWithForm, cartCookie, cartOf, themeDoes, themeLog, waitForAdapter, type ThemeWindow } from '../support/shopifyPage';
import { startShopifyStore } from '../support/startShopifyStore';
import type { CartRequest } from '../support/startShopifyStore';
import { observeQuietPeriod } from '../support/watchPage';
import { part, waitForModal } from '../support/widgetPage';

/** One browser and one fixture Shopify store for the file; a fresh profile per test. */
const t = setupBrowserTests(startShopifyStore, 5_000);

const [SAGE, RUST] = APRON.variants as [(typeof APRON.variants)[0], (typeof APRON.variants)[0]];
const MUG_VARIANT = MUG.variants[0]!;

/** cartback's item for a Shopify line: the product as id, the variant, the product's title. */
const item = (product: typeof APRON, variant: (typeof APRON.variants)[0], quantity: number): CartItem => ({
  id: String(product.id),
  variant: String(variant.id),
  name: product.title,
  price: variant.price / 100,
  quantity,
  url: `/products/${product.handle}?variant=${variant.id}`,
  ...(product.image ? { image: imageUrl(t.site.url, product.image) } : {}),
  ...(variant.sku ? { sku: variant.sku } : {}),
});

/** Waits until cartback's cart holds exactly `items` (Shopify lists the newest line first). */
async function expectCart(page: Page, items: CartItem[], value: number, count: number) {
  await expect.poll(() => cartOf(page).then((cart) => cart.items), { timeout: 5_000 }).toEqual(items);
  expect(await cartOf(page)).toMatchObject({ value, count });
}

const quickAdd = (page: Page, handle: string) => page.locator(`[data-product="${handle}"] .quick-add`).click();
const drawerLine = (page: Page, variantId: number) => page.locator(`#cart-lines [data-variant-id="${variantId}"]`);
/** Types a quantity in a drawer line's box and commits it (the box's `change` event). */
async function typeQuantity(page: Page, variantId: number, quantity: number) {
  const box = drawerLine(page, variantId).locator('input.qty');
  await box.fill(String(quantity));
  await box.press('Enter');
}

describe('Shopify adapter', () => {
  it("fills cartback's cart from the theme's own buttons (fetch and XMLHttpRequest), under the whole Shopify token", async () => {
    const { page, context, watch } = await t.openPage('/');
    await waitForAdapter(page);
    expect((await cartOf(page)).items).toEqual([]);

    await themeDoes(page, () => addWithForm(page, APRON.handle, 3), 3);
    await expectCart(page, [item(APRON, SAGE, 3)], 59.97, 3);
    // The quick-add buttons post a form with XMLHttpRequest, as jQuery.ajax does.
    await themeDoes(page, () => quickAdd(page, MUG.handle), 4);
    await expectCart(page, [item(MUG, MUG_VARIANT, 1), item(APRON, SAGE, 3)], 72.47, 4);
    await themeDoes(page, () => addWithForm(page, APRON.handle, 1, RUST.id), 5);
    await expectCart(page, [item(APRON, RUST, 1), item(MUG, MUG_VARIANT, 1), item(APRON, SAGE, 3)], 92.46, 5);

    const token = await cartCookie(context);
    expect(token).toMatch(/^Z2NwLW[\w-]+\?key=[0-9a-f]{32}$/);
    expect((await cartOf(page)).id).toBe(token);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.cartbackMessages('warning')).toEqual([]);
  });

  it('follows quantity changes, removals and clearing in the drawer', async () => {
    const { page, context } = await t.openPage('/');
    await waitForAdapter(page);
    await themeDoes(page, () => addWithForm(page, APRON.handle, 3), 3);
    await themeDoes(page, () => quickAdd(page, MUG.handle), 4);
    await expectCart(page, [item(MUG, MUG_VARIANT, 1), item(APRON, SAGE, 3)], 72.47, 4);

    // + posts /cart/change.js by line key.
    await themeDoes(page, () => drawerLine(page, MUG_VARIANT.id).getByRole('button', { name: 'One more' }).click(), 5);
    await expectCart(page, [item(MUG, MUG_VARIANT, 2), item(APRON, SAGE, 3)], 84.97, 5);
    // The quantity box posts /cart/update.js { updates: { variant: qty } }.
    await themeDoes(page, () => typeQuantity(page, SAGE.id, 5), 7);
    await expectCart(page, [item(MUG, MUG_VARIANT, 2), item(APRON, SAGE, 5)], 124.95, 7);
    // Remove posts /cart/change.js by variant id with quantity 0.
    await themeDoes(page, () => drawerLine(page, MUG_VARIANT.id).getByRole('button', { name: 'Remove' }).click(), 5);
    await expectCart(page, [item(APRON, SAGE, 5)], 99.95, 5);
    await themeDoes(page, () => page.click('#clear-cart'), 0);
    await expectCart(page, [], 0, 0);
    // A cleared Shopify cart keeps its token, and so does cartback's.
    expect((await cartOf(page)).id).toBe(await cartCookie(context));
  });

  it('reads the cart after requests it did not see the theme make: raw XMLHttpRequest, and /cart/change without .js', async () => {
    const { page } = await t.openPage('/');
    await waitForAdapter(page);
    // No theme code around these: no redraw, no cart:updated event. Only the requests tell.
    await page.evaluate((id) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/cart/add.js');
      xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
      xhr.send(`id=${id}&quantity=2`);
    }, TEA.variants[0]!.id);
    await expectCart(page, [item(TEA, TEA.variants[0]!, 2)], 14.5, 2);
    // Horizon posts JSON to routes.cart_change_url, which has no .js.
    await page.evaluate(
      (id) => fetch('/cart/change', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ id, quantity: 3 }) }),
      TEA.variants[0]!.id,
    );
    await expectCart(page, [item(TEA, TEA.variants[0]!, 3)], 21.75, 3);
  });

  it("passes the theme's requests and the store's answers through byte for byte", async () => {
    /** The same shopping on any page: adds (one sold out: a 422), + on a line, a new quantity, a removal, a clear. */
    async function shop(page: Page) {
      await themeDoes(page, () => addWithForm(page, APRON.handle, 3), 3);
      await themeDoes(page, () => quickAdd(page, MUG.handle), 4);
      await themeDoes(page, () => addWithForm(page, KETTLE.handle, 1), 4);
      await themeDoes(page, () => drawerLine(page, MUG_VARIANT.id).getByRole('button', { name: 'One more' }).click(), 5);
      await themeDoes(page, () => typeQuantity(page, SAGE.id, 2), 4);
      await themeDoes(page, () => drawerLine(page, MUG_VARIANT.id).getByRole('button', { name: 'Remove' }).click(), 2);
      await themeDoes(page, () => page.click('#clear-cart'), 0);
    }
    const sent = ({ method, path, headers, body }: CartRequest) => ({ method, path, headers, body });
    const posts = (requests: CartRequest[]) => requests.filter((r) => r.method === 'POST');

    const plain = await t.openPage('/?cartback=off');
    let from = t.site.requests.length;
    await shop(plain.page);
    const withoutCartback = posts(t.site.requests.slice(from));

    const shopped = await t.openPage('/');
    await waitForAdapter(shopped.page);
    from = t.site.requests.length;
    await shop(shopped.page);
    const withCartback = posts(t.site.requests.slice(from));

    expect(withoutCartback.map((r) => r.path)).toEqual(['/cart/add.js', '/cart/add.js', '/cart/add.js', '/cart/change.js', '/cart/update.js', '/cart/change.js', '/cart/clear.js']);
    expect(withCartback.map(sent)).toEqual(withoutCartback.map(sent));
    expect(withCartback.map((r) => r.status)).toEqual([200, 200, 422, 200, 200, 200, 200]);
    // What the theme's code got is exactly what the store sent, the error answer included.
    expect(await themeLog(shopped.page)).toEqual(withCartback.map(({ method, path, status, response }) => ({ method, path, status, body: response })));
  });

  it('destroy() puts back the browser’s fetch and XMLHttpRequest.prototype.open, and the theme’s later requests change nothing', async () => {
    const { page } = await t.openPage('/', {
      initScripts: [
        () => {
          const w = window as unknown as { native: unknown[] };
          w.native = [window.fetch, XMLHttpRequest.prototype.open];
        },
      ],
    });
    await waitForAdapter(page);
    await themeDoes(page, () => addWithForm(page, APRON.handle, 2), 2);
    await expectCart(page, [item(APRON, SAGE, 2)], 39.98, 2);
    const isNative = () =>
      page.evaluate(() => {
        const [fetch, open] = (window as unknown as { native: unknown[] }).native;
        return [window.fetch === fetch, XMLHttpRequest.prototype.open === open];
      });
    expect(await isNative()).toEqual([false, false]);

    await page.evaluate(() => (window as ThemeWindow).cartback.destroy());
    expect(await isNative()).toEqual([true, true]);
    const from = t.site.requests.length;
    await themeDoes(page, () => quickAdd(page, MUG.handle), 3);
    await themeDoes(page, () => addWithForm(page, TEA.handle, 1), 4);
    await observeQuietPeriod(page);
    expect((await cartOf(page)).items).toEqual([item(APRON, SAGE, 2)]);
    // Only the theme read the cart (it asks for JSON; cartback's own read sends the browser's Accept: */*).
    expect(t.site.requests.slice(from).filter((r) => r.method === 'GET' && r.headers.accept !== 'application/json')).toEqual([]);
  });

  it('leaves the cart as it was, with a debug line, when /cart.js answers HTML, not a cart, or an error', async () => {
    const { page, watch } = await t.openPage('/?debug');
    await waitForAdapter(page);
    await themeDoes(page, () => addWithForm(page, APRON.handle, 1), 1);
    await expectCart(page, [item(APRON, SAGE, 1)], 19.99, 1);
    const debugLines = () => watch.cartbackMessages('info').map((m) => m.text).filter((text) => text.startsWith('[cartback] shopify:'));
    try {
      for (const [mode, reason] of [
        ['html', /^\[cartback\] shopify: \/cart\.js was not read \(.*JSON.*\); the cart is left as it was\.$/],
        ['not-a-cart', /^\[cartback\] shopify: \/cart\.js was not read \(the cart has no token\); the cart is left as it was\.$/],
        ['error', /^\[cartback\] shopify: \/cart\.js was not read \(HTTP 500\); the cart is left as it was\.$/],
      ] as const) {
        t.site.cartJs = mode;
        const before = debugLines().length;
        await page.evaluate((id) => fetch('/cart/add.js', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, quantity: 1 }) }), MUG_VARIANT.id);
        await expect.poll(() => debugLines().slice(before)).toEqual([expect.stringMatching(reason)]);
        expect((await cartOf(page)).items).toEqual([item(APRON, SAGE, 1)]);
      }
    } finally {
      t.site.cartJs = 'ok';
    }
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
  });

  it('ignores a cart in another currency than data-currency, and says how to set it', async () => {
    const { page, watch } = await t.openPage('/?currency=USD&debug');
    await waitForAdapter(page);
    await themeDoes(page, () => addWithForm(page, APRON.handle, 1), 1);
    await expect
      .poll(() => watch.cartbackMessages('info').map((m) => m.text))
      .toContain(
        '[cartback] shopify: the cart is in EUR, not USD, and was ignored. Set the cart\'s currency on the script tag: data-currency="{{ cart.currency.iso_code }}".',
      );
    expect((await cartOf(page)).items).toEqual([]);
  });

  it('starts by itself on a Shopify page without data-platform; data-platform="false" keeps it off', async () => {
    const adapterFetched = (page: Page) =>
      page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/cdn/shop/t/1/assets/cartback-shopify.js')));
    const detected = await t.openPage('/');
    await waitForAdapter(detected.page);
    expect(await adapterFetched(detected.page)).toBe(true);

    const off = await t.openPage('/?platform=false');
    await waitForCartback(off.page);
    await themeDoes(off.page, () => addWithForm(off.page, APRON.handle, 2), 2);
    await observeQuietPeriod(off.page);
    expect(await adapterFetched(off.page)).toBe(false);
    expect(await off.page.evaluate(() => Function.prototype.toString.call(window.fetch).includes('[native code]'))).toBe(true);
    expect((await cartOf(off.page)).items).toEqual([]);
  });

  it("links the exit-intent modal to Shopify's cart permalink", async () => {
    const { page } = await t.openPage('/?platform=shopify');
    await waitForAdapter(page);
    await themeDoes(page, () => addWithForm(page, APRON.handle, 3), 3);
    await themeDoes(page, () => quickAdd(page, MUG.handle), 4);
    await expectCart(page, [item(MUG, MUG_VARIANT, 1), item(APRON, SAGE, 3)], 72.47, 4);
    await page.evaluate(() => (window as ThemeWindow).cartback.showExitIntent());
    await waitForModal(page);
    expect(await part(page, 'checkout').getAttribute('href')).toBe(`${t.site.url}/cart/${MUG_VARIANT.id}:1,${SAGE.id}:3?cb_source=exit_intent`);
  });

  it('sends cart_updated with the Shopify token as cart.id', async () => {
    const { page, context } = await t.openPage('/');
    await waitForAdapter(page);
    const emitted = page.evaluate(
      () => new Promise<void>((resolve) => (window as ThemeWindow).cartback.on('cart_updated', () => resolve())),
    );
    await themeDoes(page, () => addWithForm(page, APRON.handle, 3), 3);
    const token = await cartCookie(context);
    // cart_updated comes a second after the last change of a burst; then it is sent at once.
    await emitted;
    await page.evaluate(() => (window as unknown as { cartback: { flush(): Promise<void> } }).cartback.flush());
    const sent = () =>
      t.site.received
        .flatMap((body) => (body as { events: Array<{ type: string; cart?: { id: string } }> }).events)
        .filter((event) => event.type === 'cart_updated' && event.cart?.id === token);
    await expect.poll(() => sent().length).toBe(1);
    expect(sent()[0]!.cart).toMatchObject({ id: token, items: [item(APRON, SAGE, 3)], value: 59.97, count: 3, currency: 'EUR' });
  });

  it("reads the cart again on the theme's cart events and on a return from the back/forward cache", async () => {
    const { page, context } = await t.openPage('/');
    await waitForAdapter(page);
    await themeDoes(page, () => addWithForm(page, APRON.handle, 1), 1);
    const token = (await cartCookie(context))!;
    // Another tab, or an app through a fetch of its own, changes the cart; the page is told by an event.
    let quantity = 1;
    for (const type of ['cart:update', 'cart:updated', 'cart:refresh', 'cart:change']) {
      t.site.setQuantity(token, SAGE.id, ++quantity);
      await page.evaluate((type) => document.documentElement.dispatchEvent(new CustomEvent(type, { bubbles: true })), type);
      await expectCart(page, [item(APRON, SAGE, quantity)], (1999 * quantity) / 100, quantity);
    }
    // What the browser fires when it shows the page again from the back/forward cache (a real
    // restore depends on the browser's cache rules; the event is what the adapter listens to).
    t.site.setQuantity(token, SAGE.id, 9);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    await expectCart(page, [item(APRON, SAGE, 9)], 179.91, 9);
  });

  it('works under a locale root: /fr/cart.js, /fr/cart/add.js, and the permalink under /fr/', async () => {
    const { page, context } = await t.openPage('/fr/');
    await waitForAdapter(page);
    await themeDoes(page, () => addWithForm(page, APRON.handle, 2), 2);
    await expectCart(page, [item(APRON, SAGE, 2)], 39.98, 2);
    const token = await cartCookie(context);
    const requests = t.site.requests.filter((r) => r.cart === token);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toContain('POST /fr/cart/add.js');
    // cartback's own reads (the theme's ask for JSON) went to the locale's /cart.js too.
    expect(new Set(requests.filter((r) => r.headers.accept !== 'application/json' && r.method === 'GET').map((r) => r.path))).toEqual(new Set(['/fr/cart.js']));
    await page.evaluate(() => (window as ThemeWindow).cartback.showExitIntent());
    await waitForModal(page);
    expect(await part(page, 'checkout').getAttribute('href')).toBe(`${t.site.url}/fr/cart/${SAGE.id}:2?cb_source=exit_intent`);
  });

  it('reads the cart at start after a plain form post to /cart/add, which lands on /cart', async () => {
    const { page } = await t.openPage('/');
    await waitForAdapter(page);
    await addWithForm(page, GIFT_CARD.handle, 2);
    await page.waitForURL('**/cart');
    await waitForAdapter(page);
    await expectCart(page, [item(GIFT_CARD, GIFT_CARD.variants[0]!, 2)], 50, 2);
  });
});
