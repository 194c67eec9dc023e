import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CartItem, TestWindow } from '../support/cartbackPage';
import { reportDelivery } from '../support/deliveryReport';
import { measureWireBytes } from '../support/measureWireBytes';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { recordEmitted, waitForEmitted } from '../support/storePage';

const t = setupDeliveryTests();

// What Chromium's beacon quota leaves for one body (sendBeacons' limit).
const BEACON_BODY = 64_000;

/**
 * `lines` lines with names of about 200 characters, as a grocery or spare-parts store has:
 * 300 of them made a 78,788-byte cart_updated before events were capped.
 */
function longLines(lines: number): { items: CartItem[]; count: number; value: number } {
  const items = Array.from({ length: lines }, (_, i) => ({
    id: `part-${i}`,
    name: `${i} · Stainless steel replacement gasket for espresso machine group heads, 58 mm, food-safe silicone, pack of two, fits most E61 machines — ${'extra detail '.repeat(4)}`,
    price: 3.45,
    quantity: (i % 3) + 1,
    currency: 'EUR',
    url: `/product.html?id=part-${i}`,
  }));
  const count = items.reduce((sum, item) => sum + item.quantity, 0);
  const cents = items.reduce((sum, item) => sum + 345 * item.quantity, 0);
  return { items, count, value: cents / 100 };
}

/** Sets the whole cart in one call, and returns the id of the cart_updated it causes once the collector stored it. */
async function setCartAndDeliver(page: Page, items: CartItem[]): Promise<string> {
  await recordEmitted(page);
  await page.evaluate((list) => void (window as TestWindow).cartback.cart.set(list), items);
  const [updateId] = await waitForEmitted(page, 'cart_updated');
  await expect.poll(async () => (await t.collector.stored()).map((e) => e.id), { timeout: 10_000 }).toContain(updateId);
  return updateId!;
}

/** What must never happen, whatever the cart: a body over the beacon's limit, a refused request, an id stored twice. */
async function expectNothingOversized(): Promise<void> {
  const posts = t.front.requests.filter((r) => r.method === 'POST');
  expect(posts.map((r) => r.bytes).filter((bytes) => bytes >= BEACON_BODY)).toEqual([]);
  expect(posts.filter((r) => r.status >= 400)).toEqual([]);
  const stored = await t.collector.stored();
  expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
}

describe('a huge cart', () => {
  it("delivers a 1,000-line cart's abandonment at tab close, in one beacon body, with exact totals", async () => {
    const { items, count, value } = longLines(1000);
    const { page, watch } = await t.openStore('/');
    const updateId = await setCartAndDeliver(page, items);
    expect(measureWireBytes(t.front.requests, updateId).bodyBytes).toBeLessThan(BEACON_BODY);

    const closedAt = Date.now();
    await page.close({ runBeforeUnload: false });

    await expect.poll(() => t.collector.stored('cart_abandoned'), { timeout: 5_000, interval: 50 }).toHaveLength(1);
    const [abandoned] = await t.collector.stored('cart_abandoned');
    const carrier = t.front.requests.find((r) => r.events.some((e) => e.id === abandoned!.id))!;
    expect(carrier.at - closedAt).toBeLessThan(5_000);
    expect(carrier.bytes).toBeLessThan(BEACON_BODY);
    expect(abandoned).toMatchObject({
      reason: 'tab_closed',
      abandonmentId: `${abandoned!.cart!.id}:${abandoned!.cart!.version}`,
      cart: { count, value, currency: 'EUR', truncated: true, lines: 1000 },
    });
    // The first lines, as they were given (their names are under the 256-character cut).
    const kept = abandoned!.cart!.items;
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(1000);
    expect(kept).toEqual(items.slice(0, kept.length).map((item) => expect.objectContaining(item)));

    await expectNothingOversized();
    expect(watch.pageErrors).toEqual([]);
    const bytes = measureWireBytes(t.front.requests, abandoned!.id);
    console.log(
      `[e2e] cart_abandoned of a 1,000-line cart: ${bytes.eventBytes} B of event JSON (${kept.length} lines kept); ` +
        `the body that carried it was ${bytes.bodyBytes} B (${bytes.eventsInBody} event(s)); ` +
        `${JSON.stringify(reportDelivery(t.front.requests, await t.collector.stored()))}`,
    );
  });

  it("sends a 300-line cart's cart_updated in a body under 64 KB, and no abandonment while the tab stays", async () => {
    const { items, count, value } = longLines(300);
    const { page, watch } = await t.openStore('/');
    const updateId = await setCartAndDeliver(page, items);

    const bytes = measureWireBytes(t.front.requests, updateId);
    expect(bytes.bodyBytes).toBeLessThan(BEACON_BODY);
    const [updated] = await t.collector.stored('cart_updated');
    expect(updated).toMatchObject({ id: updateId, cart: { count, value, truncated: true, lines: 300 } });
    expect(t.front.requests.flatMap((r) => r.events.map((e) => e.type))).not.toContain('cart_abandoned');

    await expectNothingOversized();
    expect(watch.pageErrors).toEqual([]);
    console.log(`[e2e] cart_updated of a 300-line cart: ${bytes.eventBytes} B of event JSON; its body ${bytes.bodyBytes} B`);
  });
});
