import { describe, expect, it } from 'vitest';
import { getCart } from '../support/cartbackPage';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { addItems, threeItems } from '../support/storePage';

const t = setupDeliveryTests();

/** A closed tab's abandonment counts after this long without the shopper back (returnGrace). */
const GRACE = 1_000;

describe('a shopper who comes back', () => {
  // Closing a tab right after a change is the hard case: the session record the closing page
  // writes may be cut off, so the next page learns of the abandonment from the hand-over.
  it.each([1, 2, 3])('gets cart_returned, with the abandonment, on the next visit after closing the tab (run %i)', async () => {
    const context = await t.newContext();
    const config = { returnGrace: GRACE };
    const { page } = await t.openStore('/', { context, config });
    await addItems(page, threeItems);
    // The tracking chunk loads when the cart first fills: a shopper takes longer than that.
    await page.evaluate(() => (window as unknown as { cartback: { flush(): Promise<void> } }).cartback.flush());
    await page.close({ runBeforeUnload: false });
    await expect.poll(() => t.collector.stored('cart_abandoned'), { timeout: 5_000 }).toHaveLength(1);
    const [abandoned] = await t.collector.stored('cart_abandoned');
    expect(Date.parse(abandoned!.graceUntil as string) - Date.parse(abandoned!.time)).toBe(GRACE);
    await new Promise((resolve) => setTimeout(resolve, GRACE + 200));

    const { page: again } = await t.openStore('/', { context, config });
    await expect.poll(() => t.collector.stored('cart_returned'), { timeout: 5_000 }).toHaveLength(1);
    const [returned] = await t.collector.stored('cart_returned');
    expect(returned).toMatchObject({ abandonmentId: abandoned!.abandonmentId, cart: { id: abandoned!.cart!.id, count: 7 } });
    expect(returned!.sessionId).not.toBe(abandoned!.sessionId);
    expect((await getCart(again)).count).toBe(7);
    expect(await t.collector.stored('abandonment_cancelled')).toEqual([]);
  });

  // A reload, or the store opened again at once: the shopper never left. The abandonment the
  // closing page had to send is cancelled, the visit goes on, and nothing counts.
  it('cancels the abandonment when the next page comes within the grace: no cart_returned, the same session', async () => {
    const context = await t.newContext();
    const { page } = await t.openStore('/', { context, config: { returnGrace: 30_000 } });
    await addItems(page, threeItems);
    await page.evaluate(() => (window as unknown as { cartback: { flush(): Promise<void> } }).cartback.flush());
    await page.close({ runBeforeUnload: false });
    await expect.poll(() => t.collector.stored('cart_abandoned'), { timeout: 5_000 }).toHaveLength(1);
    const [abandoned] = await t.collector.stored('cart_abandoned');

    await t.openStore('/', { context, config: { returnGrace: 30_000 } });
    await expect.poll(() => t.collector.stored('abandonment_cancelled'), { timeout: 5_000 }).toHaveLength(1);
    const [cancelled] = await t.collector.stored('abandonment_cancelled');
    expect(cancelled).toMatchObject({ abandonmentId: abandoned!.abandonmentId, reason: 'next_page', sessionId: abandoned!.sessionId });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await t.collector.stored('cart_returned')).toEqual([]);
    expect(await t.collector.stats()).toMatchObject({ abandoned: 0, pending: 0 });
  });
});
