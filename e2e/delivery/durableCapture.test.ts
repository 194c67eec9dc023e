import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForTracking } from '../support/cartbackPage';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { addItems, threeItems } from '../support/storePage';

// An event is durable from the moment it is made, in cartback.js itself: the lazy tracking
// chunk that completes and delivers it may be slow, fail, or never come on this page.
const t = setupDeliveryTests();

const TRACKING = '**/cartback-tracking.js';

/** Answers the next `count` requests for the tracking chunk with 503; returns how many came. */
async function failTrackingChunk(page: Page, count: number): Promise<() => number> {
  let requests = 0;
  await page.context().route(TRACKING, (route) => (++requests <= count ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  return () => requests;
}

/** Every id the collector stored, with how often the front saw each type. */
async function storedOnce(type: string) {
  const stored = await t.collector.stored(type);
  expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
  return stored;
}

describe('durable capture before the tracking chunk is there', () => {
  it('offline at the first add, then online: the chunk is tried again and cart_updated arrives once, within seconds', async () => {
    const { page, context, watch } = await t.openStore('/');
    await context.setOffline(true);
    await addItems(page, threeItems);
    await page.waitForTimeout(1_000); // the chunk fails to load meanwhile
    expect(t.front.requests).toEqual([]);

    const onlineAt = Date.now();
    await context.setOffline(false);
    await expect.poll(() => storedOnce('cart_updated'), { timeout: 10_000 }).toHaveLength(1);
    const carrier = t.front.requests.find((r) => r.events.some((e) => e.type == 'cart_updated'))!;
    expect(carrier.at - onlineAt).toBeLessThan(5_000);
    expect((await t.collector.stored('cart_updated'))[0]!.cart).toMatchObject({ count: 7, value: 91.9 });
    expect(watch.pageErrors).toEqual([]);
  });

  it('the tracking chunk answering 503 twice: it is tried again with backoff, and every event made meanwhile arrives once', async () => {
    const { page } = await t.openStore('/');
    const chunkRequests = await failTrackingChunk(page, 2);
    await addItems(page, threeItems);
    await page.evaluate(() => (window as unknown as { cartback: { checkoutStarted(): void } }).cartback.checkoutStarted());
    await expect.poll(() => storedOnce('checkout_started'), { timeout: 15_000 }).toHaveLength(1);
    await expect.poll(() => storedOnce('cart_updated'), { timeout: 5_000 }).toHaveLength(1);
    expect(chunkRequests()).toBe(3);
    expect((await t.collector.stored('checkout_started'))[0]!.cart).toMatchObject({ count: 7 });
  });

  it('offline at purchase(): order_completed waits in the outbox and arrives once the network is back', async () => {
    const { page, context } = await t.openStore('/');
    await addItems(page, threeItems);
    await waitForTracking(page);
    await context.setOffline(true);
    await page.evaluate(() => (window as unknown as { cartback: { purchase(o: unknown): boolean } }).cartback.purchase({ orderId: 'A-1' }));
    await page.waitForTimeout(1_000);
    await context.setOffline(false);
    await expect.poll(() => storedOnce('order_completed'), { timeout: 10_000 }).toHaveLength(1);
    const [order] = await t.collector.stored('order_completed');
    expect(order).toMatchObject({ order: { orderId: 'A-1' }, cart: { count: 7 } });
  });

  it('a purchase made while the chunk cannot load, then the tab closed: the next page of the store delivers it', async () => {
    const { page, context } = await t.openStore('/');
    await failTrackingChunk(page, 1_000);
    await addItems(page, threeItems);
    const ok = await page.evaluate(() =>
      (window as unknown as { cartback: { purchase(o: unknown): boolean } }).cartback.purchase({ orderId: 'B-2', value: 91.9 }),
    );
    expect(ok).toBe(true);
    await page.waitForTimeout(500);
    await page.close({ runBeforeUnload: false });
    expect(await t.collector.stored('order_completed')).toEqual([]);

    await context.unroute(TRACKING);
    await t.openStore('/', { context });
    await expect.poll(() => storedOnce('order_completed'), { timeout: 10_000 }).toHaveLength(1);
    const [order] = await t.collector.stored('order_completed');
    expect(order).toMatchObject({ order: { orderId: 'B-2', value: 91.9 }, cart: { count: 7, value: 91.9 } });
  });
});
