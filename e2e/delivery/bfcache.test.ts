import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCart, waitForCartback } from '../support/cartbackPage';
import { chromiumArgs, chromiumPath } from '../support/launchBrowser';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { addItems, recordEmitted, threeItems, waitForEmitted } from '../support/storePage';

// Playwright turns the back/forward cache off by default; this file needs it on.
const t = setupDeliveryTests(() =>
  chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, ignoreDefaultArgs: ['--disable-back-forward-cache'] }),
);

type ShowWindow = Window & { __pageshows: boolean[] };

/** Init script: records `event.persisted` of every pageshow (true: restored from the bfcache). */
function recordPageShows(): void {
  (window as unknown as ShowWindow).__pageshows = [];
  window.addEventListener('pageshow', (event) => (window as unknown as ShowWindow).__pageshows.push(event.persisted));
}

/** Every `Page.backForwardCacheNotUsed` Chromium reports for `page`: why a page was not restored. */
async function watchBfcacheMisses(page: Page): Promise<unknown[]> {
  const misses: unknown[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Page.backForwardCacheNotUsed', (event) => misses.push(event));
  await cdp.send('Page.enable');
  return misses;
}

/** Goes back to the store page and returns what its pageshows and navigation entry say. */
async function goBackAndInspect(page: Page) {
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => document.readyState === 'complete' && (window as unknown as ShowWindow).__pageshows?.length > 0);
  return page.evaluate(() => ({
    pageshows: (window as unknown as ShowWindow).__pageshows,
    // Set on the navigation entry of a page that was NOT restored, saying why.
    notRestoredReasons: JSON.stringify(
      (performance.getEntriesByType('navigation')[0] as PerformanceEntry & { notRestoredReasons?: unknown })?.notRestoredReasons ??
        null,
    ),
  }));
}

describe('back/forward cache', () => {
  it('restores a store page with a cart from the bfcache: cartback does not block it', async () => {
    const { page } = await t.openStore('/', { initScripts: [recordPageShows] });
    const misses = await watchBfcacheMisses(page);
    await recordEmitted(page);
    await addItems(page, threeItems);
    // Everything cartback opens is open: the tracking chunk, IndexedDB, a sent batch.
    const [updateId] = await waitForEmitted(page, 'cart_updated');
    await expect.poll(async () => (await t.collector.stored()).map((e) => e.id), { timeout: 10_000 }).toContain(updateId);
    const cart = await getCart(page);

    await Promise.all([page.waitForURL('**/product.html'), page.click('#to-product')]);
    await waitForCartback(page);

    expect(await goBackAndInspect(page)).toEqual({ pageshows: [false, true], notRestoredReasons: 'null' });
    expect(misses).toEqual([]);
    expect(await getCart(page)).toEqual(cart);
  });

  // Within a second of an add the page still has a cart_updated to report, and writes it (and
  // the session) at pagehide. An IndexedDB transaction left open by the frozen page blocks the
  // next page's, and Chromium evicts the cached page (IgnoreEventAndEvict).
  it.each([0, 100, 500])('restores the page when the shopper follows a link %i ms after an add', async (delay) => {
    const { page } = await t.openStore('/', { initScripts: [recordPageShows] });
    const misses = await watchBfcacheMisses(page);
    await addItems(page, [threeItems[0]!]);
    await page.waitForTimeout(delay);
    await Promise.all([page.waitForURL('**/product.html'), page.click('#to-product')]);
    await waitForCartback(page);
    const cart = await getCart(page);
    // A window for the product page to do what could evict the cached one (its first writes, a batch).
    await page.waitForTimeout(500);

    expect(await goBackAndInspect(page)).toEqual({ pageshows: [false, true], notRestoredReasons: 'null' });
    expect(misses).toEqual([]);
    // The restored page caught up with what the product page stored.
    await expect.poll(() => getCart(page)).toEqual(cart);
  });

  // A change is broadcast to the other pages: one in the bfcache must not receive it (Chromium
  // evicts it: broadcastchannel-message), and must show the change once it is back.
  it('restores the page when the next page changes the cart, and shows the change', async () => {
    const { page } = await t.openStore('/', { initScripts: [recordPageShows] });
    const misses = await watchBfcacheMisses(page);
    await addItems(page, [threeItems[0]!]);
    await page.waitForTimeout(1500); // past the cart_updated report: nothing is written at pagehide
    await Promise.all([page.waitForURL('**/product.html'), page.click('#to-product')]);
    await waitForCartback(page);
    await addItems(page, [threeItems[1]!]); // posted on the channel at once
    await page.waitForTimeout(1500);
    const cart = await getCart(page);
    expect(cart.count).toBe(3);

    expect(await goBackAndInspect(page)).toEqual({ pageshows: [false, true], notRestoredReasons: 'null' });
    expect(misses).toEqual([]);
    await expect.poll(() => getCart(page)).toEqual(cart);
  });
});
