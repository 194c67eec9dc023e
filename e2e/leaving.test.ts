import { describe, expect, it } from 'vitest';
import { addToCart, waitForCartback, waitForTracking } from './support/cartbackPage';
import { setupBrowserTests } from './support/setupBrowserTests';
import { observeQuietPeriod } from './support/watchPage';

const t = setupBrowserTests();

interface SentEvent {
  id: string;
  type: string;
  abandonmentId?: string;
  reason?: string;
  cart?: { items: Array<{ id: string }> };
  page: { path: string };
}

/** Every event the site's /events endpoint has received so far. */
const sentEvents = (): SentEvent[] =>
  t.site.received.flatMap((body) => (body as { events?: SentEvent[] }).events ?? []);
/**
 * Events of `type` about a cart holding `itemId`. Each test uses its own item: closing an
 * earlier test's tab (a full cart!) rightly sends an abandonment that may arrive later.
 */
const sentFor = (itemId: string, type: string) =>
  sentEvents().filter((event) => event.type === type && event.cart?.items.some((item) => item.id === itemId));

const uniqueById = (events: SentEvent[]) => [...new Map(events.map((event) => [event.id, event])).values()];

const item = (id: string) => ({ id, name: 'Beans', price: 12, quantity: 1 });

describe('leaving with a full cart', () => {
  it('is not reported when the shopper follows a link to another page of the shop', async () => {
    const { page } = await t.openPage('/');
    await waitForCartback(page);
    expect(await addToCart(page, item('link-beans'))).toBe(true);
    await waitForTracking(page);

    await page.click('#to-page-two');
    await page.waitForURL('**/page-two.html');
    await waitForCartback(page);
    await expect.poll(() => sentFor('link-beans', 'cart_updated').length, { timeout: 10_000 }).toBeGreaterThan(0);
    await observeQuietPeriod(page, 500);

    expect(sentFor('link-beans', 'cart_abandoned')).toEqual([]);
  });

  it('is reported once, with the cart, when the shopper goes to another site', async () => {
    const { page } = await t.openPage('/');
    await waitForCartback(page);
    expect(await addToCart(page, item('offsite-beans'))).toBe(true);
    await waitForTracking(page);

    // Same server under another host name: a different origin, so "off-site".
    await page.goto(t.site.url.replace('127.0.0.1', 'localhost') + '/page-two.html');
    await expect.poll(() => sentFor('offsite-beans', 'cart_abandoned').length, { timeout: 10_000 }).toBeGreaterThan(0);
    await observeQuietPeriod(page, 500);

    // Delivery is at-least-once: a repeat carries the same id, which the backend dedupes.
    const abandonments = uniqueById(sentFor('offsite-beans', 'cart_abandoned'));
    expect(abandonments).toHaveLength(1);
    const [abandoned] = abandonments;
    expect(abandoned?.cart?.items.map((line) => line.id)).toEqual(['offsite-beans']);
    expect(abandoned?.page.path).toBe('/');
    expect(abandoned?.abandonmentId).toMatch(/^.+:\d+$/);
    console.log(
      `[e2e] leaving for another origin: cart_abandoned reason "${abandoned?.reason}", ` +
        `delivered ${sentFor('offsite-beans', 'cart_abandoned').length}×`,
    );
  });
});
