import { describe, expect, it } from 'vitest';
import { getCart, waitForCartback } from '../support/cartbackPage';
import { reportDelivery } from '../support/deliveryReport';
import { measureWireBytes } from '../support/measureWireBytes';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { addItems, observeQuietly, recordEmitted, threeItems, waitForEmitted } from '../support/storePage';

const t = setupDeliveryTests();

/** Init script: hides the Navigation API, so the SDK falls back to watching link clicks. */
function withoutNavigationApi(): void {
  Object.defineProperty(window, 'navigation', { value: undefined, configurable: true });
}
/** Init script: the store's own click code queues 300 ms of main-thread work (analytics, say). */
function busyAfterClick(): void {
  const work = () => {
    const end = Date.now() + 300;
    while (Date.now() < end);
  };
  window.addEventListener('click', () => setTimeout(work), true);
}

describe('leaving the store vs moving between its pages', () => {
  it('delivers cart_abandoned (tab_closed) with the items within 2 s of closing the tab, as text/plain', async () => {
    const { page } = await t.openStore('/');
    await recordEmitted(page);
    await addItems(page, threeItems);
    // The snapshot is out first, so what the tab close sends is the abandonment itself.
    const [updateId] = await waitForEmitted(page, 'cart_updated');
    await expect.poll(async () => (await t.collector.stored()).map((e) => e.id), { timeout: 10_000 }).toContain(updateId);

    const closedAt = Date.now();
    await page.close({ runBeforeUnload: false });

    await expect
      .poll(() => t.collector.stored('cart_abandoned'), { timeout: 2_000, interval: 50 })
      .toHaveLength(1);
    const [abandoned] = await t.collector.stored('cart_abandoned');
    const carrier = t.front.requests.find((r) => r.events.some((e) => e.id === abandoned!.id))!;
    expect(carrier.at - closedAt).toBeLessThan(2_000);
    expect(carrier.contentType.split(';')[0]).toBe('text/plain');
    expect(abandoned).toMatchObject({
      type: 'cart_abandoned',
      reason: 'tab_closed',
      abandonmentId: `${abandoned!.cart!.id}:${abandoned!.cart!.version}`,
      cart: {
        value: 91.9,
        count: 7,
        currency: 'EUR',
        items: threeItems.map(({ id, name, quantity, price }) => expect.objectContaining({ id, name, quantity, price })),
      },
    });

    // Beacons are at-least-once: count resends, but the collector must hold each id once.
    const stored = await t.collector.stored();
    expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
    console.log(`[e2e] tab close: ${JSON.stringify(reportDelivery(t.front.requests, stored))}`);

    const bytes = measureWireBytes(t.front.requests, abandoned!.id);
    console.log(
      `[e2e] cart_abandoned with 3 items: ${bytes.eventBytes} B of event JSON; the body that carried it ` +
        `was ${bytes.bodyBytes} B (${bytes.eventsInBody} event(s)); alone in a body it is ${bytes.aloneBytes} B`,
    );
  });

  // The fallback marks a click in a timer (to see whether a router cancelled it); with an
  // instant local server the next page can commit before that timer runs (~1 in 4 runs), so
  // the fallback case is given a network that takes 300 ms. The race itself: the test below.
  it.each([
    ['the Navigation API', [], '#to-product'],
    ['the link-click fallback', [withoutNavigationApi], '#to-product-slow'],
  ])('sends no cart_abandoned when a link takes the shopper to another page of the store (%s)', async (_, initScripts, link) => {
    await expectNoAbandonmentOnLink(initScripts, link);
  });

  // The click is judged at pagehide (was it cancelled?), not in a timer that busy page code
  // could push past the navigation.
  it('sends no cart_abandoned on a link click followed by busy page code (link-click fallback)', async () => {
    await expectNoAbandonmentOnLink([withoutNavigationApi, busyAfterClick], '#to-product');
  });
});

async function expectNoAbandonmentOnLink(initScripts: Array<() => void>, link: string): Promise<void> {
  const { page, watch } = await t.openStore('/', { initScripts });
  expect(await page.evaluate(() => !!(window as { navigation?: unknown }).navigation)).toBe(!initScripts.includes(withoutNavigationApi));
  await recordEmitted(page);
  await addItems(page, threeItems);
  const [updateId] = await waitForEmitted(page, 'cart_updated');
  await expect.poll(async () => (await t.collector.stored()).map((e) => e.id), { timeout: 10_000 }).toContain(updateId);
  const before = await getCart(page);

  await Promise.all([page.waitForURL('**/product.html*'), page.click(link)]);
  await expect(page.title()).resolves.toBe('Store: product');
  await waitForCartback(page);
  expect(await getCart(page)).toEqual(before);

  // A negative: give a beacon or the next page's flush time to show up.
  await observeQuietly(2_000);
  const sentTypes = t.front.requests.flatMap((r) => r.events.map((e) => e.type));
  expect(sentTypes).not.toContain('cart_abandoned');
  expect(sentTypes).not.toContain('cart_returned');
  expect(await t.collector.stored('cart_abandoned')).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
}
