import { describe, expect, it } from 'vitest';
import { repeatedIds, reportDelivery, sentIds } from '../support/deliveryReport';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { waitForCartback, type TestWindow } from '../support/cartbackPage';
import { addItems, observeQuietly, readIdbKeys, recordEmitted, threeItems, waitForEmitted } from '../support/storePage';

const t = setupDeliveryTests();

const posts = () => t.front.requests.filter((r) => r.method === 'POST');
const storedIds = async () => (await t.collector.stored()).map((e) => e.id);

/**
 * Waits until `expected` ids and every id the endpoint was ever sent are stored, then checks
 * that the collector holds each of them once and nothing it was not sent.
 */
async function expectAllStoredOnce(label: string, expected: string[]): Promise<void> {
  const missing = async () => {
    const stored = new Set(await storedIds());
    return [...new Set([...expected, ...sentIds(posts())])].filter((id) => !stored.has(id));
  };
  await expect.poll(missing, { timeout: 20_000, interval: 100 }).toEqual([]);
  const stored = await t.collector.stored();
  expect(repeatedIds(stored.map((e) => e.id))).toEqual({});
  expect(stored.map((e) => e.id).sort()).toEqual([...new Set(sentIds(posts()))].sort());
  console.log(`[e2e] ${label}: ${JSON.stringify(reportDelivery(t.front.requests, stored))}`);
}

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

  it('keeps events queued while the endpoint is down across a reload, and delivers them once it is back', async () => {
    t.front.down(503);
    const { page } = await t.openStore('/');
    await recordEmitted(page);
    await addItems(page, threeItems);
    const [updateId] = await waitForEmitted(page, 'cart_updated');
    const carries = (id: string, after = 0) => posts().some((r) => r.at >= after && r.events.some((e) => e.id === id));
    await expect.poll(() => carries(updateId!), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => readIdbKeys(page)).toContain(`event:${updateId}`);
    const queued = (await readIdbKeys(page)).filter((key) => key.startsWith('event:')).map((key) => key.slice(6));

    const reloadedAt = Date.now();
    await page.reload();
    await waitForCartback(page);
    // The new page finds the leftovers in the outbox and tries them: still refused.
    await expect.poll(() => carries(updateId!, reloadedAt), { timeout: 10_000 }).toBe(true);
    expect(await t.collector.stored()).toEqual([]);

    t.front.up();
    try { await expectAllStoredOnce('down, reload, back up', queued); } catch (e) {
      console.log('DEBUG queued', queued, 'stored', (await t.collector.stored()).map((x) => [x.id, x.type]), 'posts', posts().map((r) => [r.at - reloadedAt, r.status, r.contentType, r.events.map((e) => [e.id.slice(0, 8), e.type])]), 'idb', await readIdbKeys(page));
      throw e;
    }
    expect(posts().filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(2);
    // Confirmed events leave the outbox.
    await expect.poll(async () => (await readIdbKeys(page)).filter((key) => key.startsWith('event:'))).toEqual([]);
    console.log(`[e2e] sent while down, by type: ${posts().map((r) => `${r.status}:${r.events.map((e) => e.type)}`).join(' | ')}`);
  });
});
