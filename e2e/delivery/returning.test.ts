import { describe, expect, it } from 'vitest';
import { getCart } from '../support/cartbackPage';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { addItems, threeItems } from '../support/storePage';

const t = setupDeliveryTests();

describe('a shopper who comes back', () => {
  // Closing a tab right after a change is the hard case: the session record the closing page
  // writes may be cut off, so the next page learns of the abandonment from the hand-over.
  it.each([1, 2, 3])('gets cart_returned, with the abandonment, on the next visit after closing the tab (run %i)', async () => {
    const context = await t.newContext();
    const { page } = await t.openStore('/', { context });
    await addItems(page, threeItems);
    // The tracking chunk loads when the cart first fills: a shopper takes longer than that.
    await page.evaluate(() => (window as unknown as { cartback: { flush(): Promise<void> } }).cartback.flush());
    await page.close({ runBeforeUnload: false });
    await expect.poll(() => t.collector.stored('cart_abandoned'), { timeout: 5_000 }).toHaveLength(1);
    const [abandoned] = await t.collector.stored('cart_abandoned');

    const { page: again } = await t.openStore('/', { context });
    await expect.poll(() => t.collector.stored('cart_returned'), { timeout: 5_000 }).toHaveLength(1);
    const [returned] = await t.collector.stored('cart_returned');
    expect(returned).toMatchObject({ abandonmentId: abandoned!.abandonmentId, cart: { id: abandoned!.cart!.id, count: 7 } });
    expect(returned!.sessionId).not.toBe(abandoned!.sessionId);
    expect((await getCart(again)).count).toBe(7);
  });
});
