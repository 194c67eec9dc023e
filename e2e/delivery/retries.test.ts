import { describe, expect, it } from 'vitest';
import type { TestWindow } from '../support/cartbackPage';
import { expectStoredOnce } from '../support/expectStoredOnce';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { addItems, observeQuietly, recordEmitted, threeItems, waitForEmitted } from '../support/storePage';

const t = setupDeliveryTests();

const posts = () => t.front.requests.filter((r) => r.method === 'POST');
const storedIds = async () => (await t.collector.stored()).map((e) => e.id);

const expectAllStoredOnce = (label: string, expected: string[]) => expectStoredOnce(label, t, expected);

describe('retries', () => {
  it('stores every event exactly once when the endpoint answers 503 three times, retrying the same ids', async () => {
    t.front.fail(3, 503);
    const { page } = await t.openStore('/');
    await recordEmitted(page);
    await addItems(page, threeItems);
    await expect.poll(() => posts().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    // More events while the endpoint is failing: they join the retried batch.
    await page.evaluate(() => {
      const { cartback } = window as TestWindow & { cartback: { checkoutStarted(): void } };
      cartback.cart.update('beans', { quantity: 5 });
      cartback.checkoutStarted();
    });
    const updates = await waitForEmitted(page, 'cart_updated', 2);
    const [checkout] = await waitForEmitted(page, 'checkout_started');

    await expectAllStoredOnce('503 ×3 then 200', [...updates, checkout!]);
    const attempts = posts();
    expect(attempts.slice(0, 3).map((r) => r.status)).toEqual([503, 503, 503]);
    expect(attempts[3]!.status).toBe(200);
    // The retries carried the first batch's ids again.
    const firstIds = attempts[0]!.events.map((e) => e.id);
    for (const retry of attempts.slice(1, 4)) expect(retry.events.map((e) => e.id)).toEqual(expect.arrayContaining(firstIds));
    // Backoff: 1 s doubling with jitter ×[0.5, 1), so at least 0.5 s, 1 s, 2 s between attempts.
    const gaps = attempts.slice(1, 4).map((r, i) => r.at - attempts[i]!.at);
    console.log(`[e2e] gaps between attempts: ${gaps.join(', ')} ms`);
    [500, 1_000, 2_000].forEach((min, i) => expect(gaps[i]).toBeGreaterThanOrEqual(min - 50));
  });

  it('waits as long as Retry-After says on a 429', async () => {
    t.front.fail(1, 429, { 'Retry-After': '3' });
    const { page } = await t.openStore('/');
    await recordEmitted(page);
    await addItems(page, threeItems);
    await expectAllStoredOnce('429 Retry-After: 3 then 200', await waitForEmitted(page, 'cart_updated'));
    const [refused, retried] = posts();
    expect(refused!.status).toBe(429);
    expect(retried!.events.map((e) => e.id)).toEqual(refused!.events.map((e) => e.id));
    // Without the header the first retry would come after 0.5–1 s.
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(3_000 - 50);
  });

  it('sends what was created offline once the browser is back online', async () => {
    const { page, context } = await t.openStore('/');
    await recordEmitted(page);
    await addItems(page, threeItems.slice(0, 1));
    await expect.poll(() => storedIds(), { timeout: 10_000 }).toHaveLength(1);

    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await addItems(page, threeItems.slice(1));
    const [, offlineId] = await waitForEmitted(page, 'cart_updated', 2);
    // Past the 1 s delivery delay: the SDK has had its chance to (not) send.
    await observeQuietly(1_500);
    const requestsWhileOffline = posts().length;

    const onlineAt = Date.now();
    await context.setOffline(false);
    await expect.poll(() => storedIds(), { timeout: 10_000 }).toContain(offlineId);
    const carrier = posts().find((r) => r.events.some((e) => e.id === offlineId))!;
    expect(carrier.at).toBeGreaterThanOrEqual(onlineAt);
    expect(posts().length).toBeGreaterThan(requestsWhileOffline);
    await expectAllStoredOnce('offline then online', [offlineId!]);
  });
});
