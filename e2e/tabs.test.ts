import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCart, readStoredCart, waitForCartback, type CartSnapshot, type TestWindow } from './support/cartbackPage';
import { setupBrowserTests } from './support/setupBrowserTests';

const t = setupBrowserTests();

interface SeenSnapshot {
  at: number;
  ids: string[];
  count: number;
}
type RecordingWindow = TestWindow & { __seen: SeenSnapshot[] };

/** Records every cart.subscribe() call in the page, with the time it arrived. */
function recordSubscription(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as RecordingWindow;
    w.__seen = [];
    w.cartback.cart.subscribe((snapshot: CartSnapshot) => {
      w.__seen.push({ at: Date.now(), ids: snapshot.items.map((item) => item.id), count: snapshot.count });
    });
  });
}

/** Waits for a subscribe() call matching `hasId`/`count` and returns when it arrived. */
async function waitForSnapshot(page: Page, expected: { hasId?: string; count: number }): Promise<number> {
  const handle = await page.waitForFunction(
    ({ hasId, count }) =>
      (window as RecordingWindow).__seen.find(
        (seen) => seen.count === count && (hasId === undefined || seen.ids.includes(hasId)),
      )?.at,
    expected,
    { polling: 10, timeout: 5_000 },
  );
  return (await handle.jsonValue()) as number;
}

describe('cart sync between tabs', () => {
  it('shows a change made in tab A in tab B within a second, and fires subscribe there', async () => {
    const { page: tabB, context, watch: watchB } = await t.openPage('/');
    const { page: tabA, watch: watchA } = await t.openPage('/', { context });
    await Promise.all([waitForCartback(tabA), waitForCartback(tabB)]);
    await recordSubscription(tabB);

    const changedAt = await tabA.evaluate(() => {
      const startedAt = Date.now();
      (window as TestWindow).cartback.cart.add({ id: 'mug', name: 'Enamel mug', price: 18, quantity: 2 });
      return startedAt;
    });

    const seenAt = await waitForSnapshot(tabB, { hasId: 'mug', count: 2 });
    console.log(`[e2e] tab A → tab B cart sync took ${seenAt - changedAt} ms`);
    expect(seenAt - changedAt).toBeLessThan(1_000);
    expect(await getCart(tabB)).toEqual(await getCart(tabA));

    expect([...watchA.pageErrors, ...watchB.pageErrors]).toEqual([]);
    expect([...(await watchA.windowErrors()), ...(await watchB.windowErrors())]).toEqual([]);
  });

  it('syncs the other way too: a removal in tab B empties the cart in tab A', async () => {
    const { page: tabA, context } = await t.openPage('/');
    await waitForCartback(tabA);
    await tabA.evaluate(() =>
      (window as TestWindow).cartback.cart.add({ id: 'beans', name: 'Beans', price: 9.5, quantity: 1 }),
    );
    await expect.poll(async () => (await readStoredCart(tabA))?.cart.items.length).toBe(1);
    const { page: tabB } = await t.openPage('/', { context });
    await waitForCartback(tabB);
    // Tab B opened after the cart was saved: it starts with the shared cart.
    expect((await getCart(tabB)).count).toBe(1);
    await recordSubscription(tabA);

    const changedAt = await tabB.evaluate(() => {
      const startedAt = Date.now();
      (window as TestWindow).cartback.cart.remove('beans');
      return startedAt;
    });

    const seenAt = await waitForSnapshot(tabA, { count: 0 });
    expect(seenAt - changedAt).toBeLessThan(1_000);
    expect(await getCart(tabA)).toEqual({ items: [], value: 0, count: 0 });
  });
});
