import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCart, type CartItem, type TestWindow } from '../support/cartbackPage';
import { repeatedIds, sentIds } from '../support/deliveryReport';
import { expectStoredOnce } from '../support/expectStoredOnce';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { addItems, getEmitted, recordEmitted, threeItems } from '../support/storePage';

const t = setupDeliveryTests();

type FlushingWindow = TestWindow & { cartback: { flush(): Promise<void>; checkoutStarted(): void } };
const [beans, kettle, filters] = threeItems as [CartItem, CartItem, CartItem];

/** Changes the cart in `tab`, then waits until `other` shows the change (so neither overwrites it). */
async function changeAndSync(tab: Page, other: Page, items: CartItem[]): Promise<void> {
  await addItems(tab, items);
  const count = (await getCart(tab)).count;
  await other.waitForFunction((n) => (window as TestWindow).cartback.cart.count === n, count, { timeout: 5_000 });
}

describe('two tabs of the store', () => {
  it('deliver each event once, and never send the same id twice while both are visible', async () => {
    const { page: tabA, context } = await t.openStore('/');
    const { page: tabB } = await t.openStore('/product.html', { context });
    await Promise.all([recordEmitted(tabA), recordEmitted(tabB)]);

    // Two rounds of changes in both tabs, a few ms apart: whichever tab reports a version,
    // both schedule a flush for about the same moment.
    await changeAndSync(tabA, tabB, [beans]);
    await changeAndSync(tabB, tabA, [kettle]);
    const emittedInBoth = async () => (await Promise.all([getEmitted(tabA), getEmitted(tabB)])).flat();
    await expect.poll(async () => (await emittedInBoth()).some((e) => e.count === 3), { timeout: 10_000 }).toBe(true);
    await changeAndSync(tabA, tabB, [filters]);
    await changeAndSync(tabB, tabA, [{ ...kettle, quantity: 1 }]);
    await Promise.all([tabA, tabB].map((tab) => tab.evaluate(() => (window as FlushingWindow).cartback.checkoutStarted())));
    await expect
      .poll(async () => (await emittedInBoth()).filter((e) => e.type === 'checkout_started' || e.count === 8).length, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(3);
    // Both tabs flush at the same instant.
    await Promise.all([tabA, tabB].map((tab) => tab.evaluate(() => (window as FlushingWindow).cartback.flush())));
    const emitted = await emittedInBoth();
    console.log(`[e2e] two tabs emitted: ${emitted.map((e) => `${e.type}${e.version ? `@v${e.version}` : ''}`).join(', ')}`);
    const ids = emitted.map((e) => e.id);

    await expectStoredOnce('two tabs', t, ids);
    // The normal case: neither tab was hidden, so no beacon; the flush lock keeps ids unique.
    const visibility = await Promise.all([tabA, tabB].map((tab) => tab.evaluate(() => document.visibilityState)));
    expect(visibility).toEqual(['visible', 'visible']);
    expect(repeatedIds(sentIds(t.front.requests))).toEqual({});
    // Both tabs show the same cart: 2 beans, 2 kettles, 4 filters.
    expect((await getCart(tabA)).count).toBe(8);
    expect(await getCart(tabB)).toEqual(await getCart(tabA));
  });
});
