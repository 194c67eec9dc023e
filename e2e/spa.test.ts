import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CartbackApi, EventType } from 'cartback';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../examples/startDemo';
import { waitForTracking } from './support/cartbackPage';
import { setupBrowserTests } from './support/setupBrowserTests';
import { observeQuietPeriod, type PageWatch } from './support/watchPage';
import { exitThroughTop, isModalOpen, waitForModal } from './support/widgetPage';

// The single-page shop (examples/spa, built by esbuild.config.ts with cartback from npm) as
// `npm start` serves it, under the storefront's strict CSP, with the collector beside it.

/** An event as the collector stored it, or as the page emitted it (`cartback.on`). */
interface SpaEvent {
  id: string;
  type: string;
  page: { url: string; path: string; title: string };
  cart: { id: string; value: number; count: number; items: Array<{ id: string; quantity: number }> };
  reason?: string;
  widget?: string;
  abandonmentId?: string;
  order?: { orderId: string; value: number; currency: string };
}
type SpaWindow = Window & typeof globalThis & { cartback: CartbackApi; emitted: SpaEvent[]; sameDocument?: true };

const EVENT_TYPES: EventType[] = [
  'cart_updated',
  'cart_abandoned',
  'cart_returned',
  'checkout_started',
  'order_completed',
  'exit_intent_shown',
  'widget_suppressed',
];
const TITLE = ' — Fernhill Coffee Roasters';

/**
 * The demo (the single-page shop and the collector) with its own data directory, for the file;
 * pages open on the single-page shop's origin.
 */
async function startSpaDemo(): Promise<Demo & { url: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cartback-spa-'));
  const demo = await startDemo({ dataDir });
  // The demo arms exit intent after 2 s, for people; the tests need no wait.
  demo.spaConfig.exitIntent = { ...(demo.spaConfig.exitIntent as object), armDelay: 0 };
  return {
    ...demo,
    url: demo.spaUrl,
    async close() {
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const t = setupBrowserTests(startSpaDemo);

/** Init script: hides the Navigation API, so cartback falls back to watching link clicks. */
function withoutNavigationApi(): void {
  Object.defineProperty(window, 'navigation', { value: undefined, configurable: true });
}

/**
 * Opens the shop at `path` in a fresh profile, records what cartback emits, and marks the
 * document: the mark outlives every route change, and a page load would lose it.
 */
async function openShop(path: string, initScripts: Array<() => void> = []): Promise<{ page: Page; watch: PageWatch }> {
  const { page, watch } = await t.openPage(path, { initScripts });
  await page.waitForSelector('main h1');
  await page.evaluate(async (types) => {
    const w = window as SpaWindow;
    await w.cartback.ready;
    w.emitted = [];
    w.sameDocument = true;
    for (const type of types) w.cartback.on(type, (event) => w.emitted.push(event as unknown as SpaEvent));
  }, EVENT_TYPES);
  return { page, watch };
}

/** Waits until the page has emitted an event of `want.type` (with `want.count` items, `want.reason`) and returns it. */
async function waitForEmitted(page: Page, want: { type: string; count?: number; reason?: string }) {
  const handle = await page.waitForFunction(
    (want) =>
      (window as SpaWindow).emitted.find(
        (event) =>
          event.type == want.type &&
          (want.count === undefined || event.cart.count == want.count) &&
          (want.reason === undefined || event.reason == want.reason),
      ),
    want,
  );
  return (await handle.jsonValue()) as SpaEvent;
}

const emitted = (page: Page) => page.evaluate(() => (window as SpaWindow).emitted);

/** What the collector stored about the cart `cartId`, of `type` if given (one per id). */
async function stored(cartId: string, type?: string): Promise<SpaEvent[]> {
  const query = new URLSearchParams({ limit: '500', ...(type && { type }) });
  const response = await fetch(`${t.site.collectorUrl}/api/events?${query}`);
  const { events } = (await response.json()) as { events: Array<{ event: SpaEvent }> };
  const mine = events.map(({ event }) => event).filter((event) => event.cart.id == cartId);
  return [...new Map(mine.map((event) => [event.id, event])).values()];
}

/** Sends what the page has pending and waits until the collector holds every event it emitted. */
async function flushToCollector(page: Page, cartId: string): Promise<void> {
  await page.evaluate(() => (window as SpaWindow).cartback.flush());
  const ids = (await emitted(page)).map((event) => event.id);
  await expect
    .poll(async () => (await stored(cartId)).map((event) => event.id), { timeout: 5_000 })
    .toEqual(expect.arrayContaining(ids));
}

/** Clicks an in-app link and waits until the route has rendered its title. */
async function follow(page: Page, selector: string, path: string, title: string): Promise<void> {
  await page.click(selector);
  await page.waitForURL(t.site.spaUrl + path);
  await expect.poll(() => page.title()).toBe(title + TITLE);
}

const cartIdOf = (page: Page) => page.evaluate(() => (window as SpaWindow).cartback.cart.id);
const isSameDocument = (page: Page) => page.evaluate(() => (window as SpaWindow).sameDocument === true);

async function expectNoErrors(watch: PageWatch): Promise<void> {
  expect(watch.pageErrors).toEqual([]);
  expect(watch.console.filter((entry) => entry.type == 'error')).toEqual([]);
  expect(await watch.windowErrors()).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
}

describe('the single-page shop (examples/spa)', () => {
  it('moves between routes (links, back, forward) without a cart_abandoned; events carry their route', async () => {
    const { page, watch } = await openShop('/');
    expect(await page.title()).toBe('Small-batch coffee' + TITLE);
    await page.click('[data-add-to-cart="ethiopia-guji"]');
    const cartId = await cartIdOf(page);
    // Each snapshot is sent 1 s after the last change: waited for, so each belongs to one route.
    const onCatalogue = await waitForEmitted(page, { type: 'cart_updated', count: 1 });
    expect(onCatalogue.page).toMatchObject({ path: '/', title: 'Small-batch coffee' + TITLE });

    await follow(page, '.product-card__name >> text=Colombia Huila', '/product/colombia-huila', 'Colombia Huila');
    await page.click('[data-add-to-cart="colombia-huila"]');
    await page.click('[data-add-to-cart="colombia-huila"]');
    const onProduct = await waitForEmitted(page, { type: 'cart_updated', count: 3 });
    expect(onProduct.page).toMatchObject({
      url: `${t.site.spaUrl}/product/colombia-huila`,
      path: '/product/colombia-huila',
      title: 'Colombia Huila' + TITLE,
    });

    await follow(page, '.cart-link', '/cart', 'Your cart');
    expect(await page.textContent('[data-cart-total]')).toBe('€40.30');
    await page.click('[data-quantity-decrease="colombia-huila"]');
    await expect.poll(() => page.textContent('[data-cart-total]')).toBe('€27.40');
    const onCart = await waitForEmitted(page, { type: 'cart_updated', count: 2 });
    expect(onCart.page).toMatchObject({ path: '/cart', title: 'Your cart' + TITLE });

    await follow(page, 'text=Go to checkout', '/checkout', 'Checkout');
    const started = await waitForEmitted(page, { type: 'checkout_started' });
    expect(started.page).toMatchObject({ path: '/checkout', title: 'Checkout' + TITLE });
    // The back and forward buttons: popstate.
    await page.goBack();
    await page.waitForSelector('[data-cart-lines]');
    await expect.poll(() => page.title()).toBe('Your cart' + TITLE);
    await page.goBack();
    await page.waitForSelector('[data-add-to-cart="colombia-huila"]');
    expect(page.url()).toBe(`${t.site.spaUrl}/product/colombia-huila`);
    await page.goForward();
    await page.waitForSelector('[data-cart-lines]');
    expect(await isSameDocument(page)).toBe(true);

    await flushToCollector(page, cartId);
    await observeQuietPeriod(page, 300);
    const sent = await stored(cartId);
    expect(sent.filter((event) => event.type == 'cart_abandoned')).toEqual([]);
    expect(
      sent
        .map((event) => [event.type, event.page.path, event.cart.count] as const)
        .sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0])),
    ).toEqual([
      ['cart_updated', '/product/colombia-huila', 3],
      ['cart_updated', '/cart', 2],
      ['checkout_started', '/checkout', 2],
      ['cart_updated', '/', 1],
    ]);
    expect((await emitted(page)).map((event) => event.type)).not.toContain('cart_abandoned');
    await expectNoErrors(watch);
  });

  it('re-evaluates exit-intent targeting on each route: suppressed on /checkout (excluded), shown on /cart', async () => {
    expect((t.site.spaConfig.exitIntent as { exclude: string[] }).exclude).toEqual(['/checkout']);
    const { page, watch } = await openShop('/');
    await page.click('[data-add-to-cart="fernhill-espresso"]');
    await follow(page, '.cart-link', '/cart', 'Your cart');
    await follow(page, 'text=Go to checkout', '/checkout', 'Checkout');

    await exitThroughTop(page);
    const suppressed = await waitForEmitted(page, { type: 'widget_suppressed', reason: 'url_excluded' });
    expect(suppressed).toMatchObject({ widget: 'exit_intent', page: { path: '/checkout' } });
    expect(await isModalOpen(page)).toBe(false);

    await page.goBack();
    await page.waitForSelector('[data-cart-lines]');
    await exitThroughTop(page);
    await waitForModal(page);
    const shown = await waitForEmitted(page, { type: 'exit_intent_shown' });
    expect(shown.page).toMatchObject({ path: '/cart', title: 'Your cart' + TITLE });
    expect(
      (await emitted(page)).filter((event) => event.type == 'widget_suppressed').map((event) => [event.reason, event.page.path]),
    ).toEqual([['url_excluded', '/checkout']]);
    expect(await isSameDocument(page)).toBe(true);
    await expectNoErrors(watch);
  });

  it.each([
    ['the Navigation API', []],
    ['the link-click fallback', [withoutNavigationApi]],
  ])('sends cart_abandoned (tab_closed) when the tab closes after route changes (%s)', async (_, initScripts) => {
    const { page, watch } = await openShop('/', initScripts);
    expect(await page.evaluate(() => !!(window as { navigation?: unknown }).navigation)).toBe(initScripts.length == 0);
    await page.click('[data-add-to-cart="gooseneck-kettle"]');
    const cartId = await cartIdOf(page);
    await waitForTracking(page);
    await follow(page, '.product-card__name >> text=Paper Filters ×100', '/product/paper-filters', 'Paper Filters ×100');
    await follow(page, '.cart-link', '/cart', 'Your cart');
    await page.goBack();
    await page.waitForSelector('[data-add-to-cart="paper-filters"]');
    await expect.poll(() => page.title()).toBe('Paper Filters ×100' + TITLE);
    expect(await isSameDocument(page)).toBe(true);
    await expectNoErrors(watch);

    await page.close({ runBeforeUnload: false });
    await expect.poll(() => stored(cartId, 'cart_abandoned'), { timeout: 5_000, interval: 50 }).toHaveLength(1);
    const [abandoned] = await stored(cartId, 'cart_abandoned');
    expect(abandoned).toMatchObject({
      reason: 'tab_closed',
      abandonmentId: `${cartId}:1`,
      page: { path: '/product/paper-filters', title: 'Paper Filters ×100' + TITLE },
      cart: { value: 49.9, count: 1, items: [expect.objectContaining({ id: 'gooseneck-kettle', quantity: 1 })] },
    });
  });

  it('opens on any route (history fallback), edits the cart and places an order', async () => {
    const { page, watch } = await openShop('/product/ethiopia-guji');
    expect(await page.title()).toBe('Ethiopia Guji' + TITLE);
    await page.click('[data-add-to-cart="ethiopia-guji"]');
    await page.click('[data-add-to-cart="colombia-huila"]');
    const cartId = await cartIdOf(page);
    await expect.poll(() => page.textContent('[data-cart-count]')).toBe('2');

    await follow(page, '[data-in-cart]', '/cart', 'Your cart');
    await page.click('[data-quantity-increase="ethiopia-guji"]');
    await expect.poll(() => page.textContent('[data-cart-total]')).toBe('€41.90');
    await page.click('[data-remove="colombia-huila"]');
    await expect.poll(() => page.locator('.cart-line').count()).toBe(1);
    expect(await page.textContent('[data-cart-total]')).toBe('€29.00');

    await follow(page, 'text=Go to checkout', '/checkout', 'Checkout');
    await page.fill('input[name="email"]', 'ada@example.com');
    await page.click('[data-place-order]');
    await page.waitForSelector('[data-confirmation]');
    expect(await page.textContent('[data-order-total]')).toBe('€29.00');
    const orderId = await page.textContent('[data-order-id]');
    expect(await page.locator('[data-cart-badge]').count()).toBe(0);

    await flushToCollector(page, cartId);
    const [order] = await stored(cartId, 'order_completed');
    expect(order).toMatchObject({
      order: { orderId, value: 29, currency: 'EUR' },
      page: { path: '/checkout' },
      cart: { value: 29, count: 2, items: [expect.objectContaining({ id: 'ethiopia-guji', quantity: 2 })] },
    });
    await expectNoErrors(watch);
  });

  it('serves the app under the strict CSP, its config, and a 404 for a missing file', async () => {
    const route = await fetch(`${t.site.spaUrl}/cart?from=link`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(route.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(await route.text()).toContain('<script type="module" src="/main.js"></script>');
    const config = await (await fetch(`${t.site.spaUrl}/config.js`)).text();
    expect(config).toContain('window.cartbackDemoConfig = ');
    expect(config).toContain(JSON.stringify(t.site.endpoint));
    const app = await fetch(`${t.site.spaUrl}/main.js`);
    expect(app.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(app.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect((await fetch(`${t.site.spaUrl}/missing.js`)).status).toBe(404);
    expect((await fetch(`${t.site.spaUrl}/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${t.site.spaUrl}/cart`, { method: 'POST' })).status).toBe(405);
  });
});
