import { chromium } from 'playwright-core';
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

describe('back/forward cache', () => {
  it('restores a store page with a cart from the bfcache: cartback does not block it', async () => {
    const { page } = await t.openStore('/', { initScripts: [recordPageShows] });
    await recordEmitted(page);
    await addItems(page, threeItems);
    // Everything cartback opens is open: the tracking chunk, IndexedDB, a sent batch.
    const [updateId] = await waitForEmitted(page, 'cart_updated');
    await expect.poll(async () => (await t.collector.stored()).map((e) => e.id), { timeout: 10_000 }).toContain(updateId);
    const cart = await getCart(page);

    await Promise.all([page.waitForURL('**/product.html'), page.click('#to-product')]);
    await waitForCartback(page);
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState === 'complete' && (window as unknown as ShowWindow).__pageshows?.length > 0);

    const restored = await page.evaluate(() => ({
      pageshows: (window as unknown as ShowWindow).__pageshows,
      // Set on the navigation entry of a page that was NOT restored, saying why.
      notRestoredReasons: JSON.stringify(
        (performance.getEntriesByType('navigation')[0] as PerformanceEntry & { notRestoredReasons?: unknown })
          ?.notRestoredReasons ?? null,
      ),
    }));
    expect(restored).toEqual({ pageshows: [false, true], notRestoredReasons: 'null' });
    expect(await getCart(page)).toEqual(cart);
  });
});
