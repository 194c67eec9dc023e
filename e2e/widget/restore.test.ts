import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForCartback } from '../support/cartbackPage';
import { banner, leaveWithCart, purchaseOn, waitForBanner } from '../support/bannerPage';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { addItems, MUG, openWidgetPage, part, sentFrom, showExitIntent, waitForModal, waitForSent } from '../support/widgetPage';

const t = setupBrowserTests();

/** Whether the page has fetched the tracking chunk. */
function hasTrackingChunk(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith('/cartback-tracking.js')),
  );
}

/** A page of the fixture store on which cartback runs, marked with `run` for its events. */
const storePage = (run: string, query = '') => `/widget.html?config=%7B%7D&run=${run}${query}`;

describe('restore links and attribution', () => {
  it('attributes an order to a recovery link from an email (cb_recover), and takes the parameter out of the address bar', async () => {
    const { context, left } = await leaveWithCart(t);
    const { abandonmentId } = await waitForSent(left, 'cart_abandoned');

    // The email's link, with the store's own parameters and a hash kept as they are.
    const run = 'email-' + Date.now();
    const { page, watch } = await t.openPage(storePage(run, `&utm_source=email&cb_recover=${encodeURIComponent(String(abandonmentId))}#reviews`), {
      context,
    });
    await waitForCartback(page);
    await page.waitForFunction(() => !location.search.includes('cb_recover'));
    expect(await page.evaluate(() => location.href)).toBe(`${t.site.url}${storePage(run, '&utm_source=email')}#reviews`);

    const order = await purchaseOn(t, page, run, 'A-100');
    expect(order.attribution).toEqual(['link']);
    expect(watch.pageErrors).toEqual([]);
  });

  it('records a recovery-link visit on another device with an empty cart (the tracking chunk loads for it)', async () => {
    const run = 'device-' + Date.now();
    const { page } = await t.openPage(storePage(run, '&cb_recover=c-9%3A4'));
    await waitForCartback(page);
    await expect.poll(() => hasTrackingChunk(page)).toBe(true);
    await page.waitForFunction(() => !location.search.includes('cb_recover'));
    expect(await page.evaluate(() => location.search)).toBe('?config=%7B%7D&run=' + run);

    // The shopper fills a cart here and buys: the order counts the link.
    await addItems(page, [MUG]);
    expect((await purchaseOn(t, page, run, 'A-200')).attribution).toEqual(['link']);
    // Only once: the next order starts over.
    await addItems(page, [MUG]);
    expect((await purchaseOn(t, page, run, 'A-201')).attribution).toEqual([]);
  });

  // The touchpoint goes into the session record once the visitor is read from IndexedDB, which a
  // phone may take a while to answer, and the shopper may be gone by then: it goes through
  // localStorage first, for this page or the next.
  it('keeps a recovery link when the shopper goes on before the visitor is read from storage', async () => {
    const run = 'onward-' + Date.now();
    const landing = () => {
      if (!location.search.includes('cb_recover')) return;
      // A slow IndexedDB: its answers come a second late (where cartback has stored nothing yet,
      // reads only ask this).
      const databases = indexedDB.databases.bind(indexedDB);
      indexedDB.databases = () => databases().then((list) => new Promise((done) => setTimeout(() => done(list), 1000)));
      // A moment after the tracking chunk takes the parameter out of the address bar, the shopper clicks on.
      const replaceState = history.replaceState.bind(history);
      history.replaceState = (...args: Parameters<History['replaceState']>) => {
        replaceState(...args);
        history.replaceState = replaceState;
        setTimeout(() => location.assign(location.href + '&clicked-on'), 50);
      };
    };
    const { page, context } = await t.openPage(storePage(run, '&cb_recover=c-9%3A4'), { initScripts: [landing] });
    await page.waitForURL(/&clicked-on$/);
    await waitForCartback(page);
    await addItems(page, [MUG]);
    expect((await purchaseOn(t, page, run, 'A-250')).attribution).toEqual(['link']);
    // The next order starts over, here and on the next page: nothing handed over comes back.
    await addItems(page, [MUG]);
    expect((await purchaseOn(t, page, run, 'A-251')).attribution).toEqual([]);
    const next = await context.newPage();
    await next.goto(`${t.site.url}${storePage(run)}`);
    await waitForCartback(next);
    await addItems(next, [MUG]);
    expect((await purchaseOn(t, next, run, 'A-252')).attribution).toEqual([]);
  });

  it('sends an order without touchpoints with an empty attribution, and loads no tracking for a plain visit', async () => {
    const run = 'plain-' + Date.now();
    const { page } = await t.openPage(storePage(run));
    await waitForCartback(page);
    await page.waitForTimeout(500);
    expect(await hasTrackingChunk(page)).toBe(false);
    await addItems(page, [MUG]);
    expect((await purchaseOn(t, page, run, 'A-300')).attribution).toEqual([]);
  });

  it('links the modal to restoreUrl, and the visit it brings attributes the order to exit_intent', async () => {
    const run = 'modal-' + Date.now();
    const restoreUrl = `/widget.html?config=%7B%7D&run=${run}&restore={cartId}&items={items}`;
    const widget = await openWidgetPage(t, { restoreUrl });
    const { page } = widget;
    await addItems(page, [{ ...MUG, variant: 'blue' }]);
    const cartId = await page.evaluate(() => (window as unknown as { cartback: { cart: { id: string } } }).cartback.cart.id);
    await showExitIntent(page);
    await waitForModal(page);
    const href = `${t.site.url}/widget.html?config=%7B%7D&run=${run}&restore=${cartId}&items=blue:2&cb_source=exit_intent`;
    expect(await part(page, 'checkout').getAttribute('href')).toBe(href);

    await part(page, 'checkout').click();
    await page.waitForURL(/restore=/);
    await waitForCartback(page);
    await page.waitForFunction(() => !location.search.includes('cb_source'));
    expect(page.url()).toBe(href.replace('&cb_source=exit_intent', ''));
    expect((await waitForSent(widget, 'exit_intent_clicked')).target).toBe('checkout');

    const order = await purchaseOn(t, page, run, 'A-400');
    expect(order.attribution).toEqual(['exit_intent']);
    expect(order.cart).toMatchObject({ id: cartId, count: 2 });
  });

  it('reads the modal and banner markers on the page they lead to, even where the click went unrecorded', async () => {
    // A fresh browser landing on a marked link: nothing but the URL says where it came from.
    for (const source of ['exit_intent', 'banner']) {
      const run = `${source}-landing-${Date.now()}`;
      const { page } = await t.openPage(storePage(run, `&cb_source=${source}`));
      await waitForCartback(page);
      await page.waitForFunction(() => !location.search.includes('cb_source'));
      await addItems(page, [MUG]);
      expect((await purchaseOn(t, page, run, `A-${source}`)).attribution).toEqual([source]);
    }
  });

  it('links the banner to restoreUrl, and its visit attributes the order to banner', async () => {
    const run = 'banner-' + Date.now();
    const config = { restoreUrl: `/widget.html?config=%7B%7D&run=${run}&restore={cartId}` };
    const { context } = await leaveWithCart(t, config);
    const back = await openWidgetPage(t, config, { context });
    await waitForBanner(back.page);
    await banner(back.page).locator('[part=banner-checkout]').click();
    await back.page.waitForURL(/restore=/);
    await waitForCartback(back.page);
    await back.page.waitForFunction(() => !location.search.includes('cb_source'));
    expect((await purchaseOn(t, back.page, run, 'A-500')).attribution).toEqual(['banner']);
    expect(sentFrom(t, back.run, 'banner_clicked')).toHaveLength(1);
  });
});
