import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCart, waitForCartback, waitForTracking } from '../support/cartbackPage';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { addItems, observeQuietly, threeItems } from '../support/storePage';

// Which departures count as abandonments, judged by the real collector's figures
// (`/api/stats`: `abandoned` counts only confirmed ones, `pending` those still in their grace).
const t = setupDeliveryTests();

/**
 * Hides or shows the page as switching to another app or tab does. Headless Chromium keeps
 * every page visible (minimising the window, another tab in front and
 * `Page.setWebLifecycleState` leave `document.visibilityState` at "visible"), so the state
 * is set on the document and `visibilitychange` dispatched, which is all the SDK listens to.
 */
function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  return page.evaluate((visibility) => {
    Object.defineProperty(document, 'visibilityState', { value: visibility, configurable: true });
    Object.defineProperty(document, 'hidden', { value: visibility == 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const typesSent = () => t.front.requests.flatMap((r) => r.events.map((e) => e.type));

async function openWithCart(config: Record<string, unknown> = {}) {
  const opened = await t.openStore('/', { config });
  await addItems(opened.page, threeItems);
  await waitForTracking(opened.page);
  return opened;
}

describe('abandonment that survives frozen and discarded tabs', () => {
  it('sends the abandonment when the tab is hidden: a tab then discarded (no handler runs) is counted once its grace is over', async () => {
    const { page, context } = await openWithCart({ abandonAfter: 2_000 });
    const hiddenAt = Date.now();
    await setVisibility(page, 'hidden');
    await expect.poll(() => t.collector.stored('cart_abandoned'), { timeout: 5_000 }).toHaveLength(1);
    const [abandoned] = await t.collector.stored('cart_abandoned');
    expect(abandoned).toMatchObject({ reason: 'hidden', abandonmentId: `${abandoned!.cart!.id}:${abandoned!.cart!.version}` });
    expect(Date.parse(abandoned!.graceUntil as string) - Date.parse(abandoned!.time)).toBe(2_000);

    // A discard: the renderer dies, and nothing of the page runs again (closing the target
    // would still fire pagehide).
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => {}); // it answers by dropping the connection, or not at all
    await crashed;
    expect(await t.collector.stats()).toMatchObject({ abandoned: 0, pending: 1 });
    await sleep(Math.max(0, hiddenAt + 2_300 - Date.now()));
    expect(await t.collector.stats()).toMatchObject({ abandoned: 1, pending: 0 });
    expect(await t.collector.stored('cart_abandoned')).toHaveLength(1);
  });

  it('a tab frozen for longer than abandonAfter, then shown: the abandonment counts, and the shopper is back (cart_returned)', async () => {
    const { page, context } = await openWithCart({ abandonAfter: 2_000 });
    await setVisibility(page, 'hidden');
    await expect.poll(() => t.collector.stored('cart_abandoned'), { timeout: 5_000 }).toHaveLength(1);

    // Frozen: no script of the page runs (its timers included) until it is shown again.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Debugger.enable');
    await cdp.send('Debugger.pause');
    await sleep(2_500);
    await cdp.send('Debugger.resume');
    await cdp.send('Debugger.disable');
    await setVisibility(page, 'visible');

    await expect.poll(() => t.collector.stored('cart_returned'), { timeout: 5_000 }).toHaveLength(1);
    const [abandoned] = await t.collector.stored('cart_abandoned');
    const [returned] = await t.collector.stored('cart_returned');
    expect(returned).toMatchObject({ abandonmentId: abandoned!.abandonmentId });
    expect(returned!.sessionId).not.toBe(abandoned!.sessionId);
    expect(await t.collector.stored('abandonment_cancelled')).toEqual([]);
    expect(await t.collector.stats()).toMatchObject({ abandoned: 1, pending: 0, returned: 1 });
  });
});

describe('honest abandonments: not leaving is not counted', () => {
  it('a 5-second switch to another app and back: the abandonment is cancelled', async () => {
    const { page } = await openWithCart();
    await setVisibility(page, 'hidden');
    await sleep(5_000);
    await setVisibility(page, 'visible');
    await expect.poll(() => t.collector.stored('abandonment_cancelled'), { timeout: 5_000 }).toHaveLength(1);
    const [abandoned] = await t.collector.stored('cart_abandoned');
    const [cancelled] = await t.collector.stored('abandonment_cancelled');
    expect(cancelled).toMatchObject({ abandonmentId: abandoned!.abandonmentId, reason: 'returned', sessionId: abandoned!.sessionId });
    expect(await t.collector.stats()).toMatchObject({ abandoned: 0, pending: 0 });
    expect(typesSent()).not.toContain('cart_returned');
  });

  it('a reload 2 s after an add: no abandonment counted, no cart_returned, the same session', async () => {
    const { page, watch } = await openWithCart();
    await sleep(2_000);
    await page.reload();
    await waitForCartback(page);
    await expect.poll(() => t.collector.stored('abandonment_cancelled'), { timeout: 5_000 }).toHaveLength(1);
    const [cancelled] = await t.collector.stored('abandonment_cancelled');
    expect(cancelled).toMatchObject({ reason: 'next_page' });
    await observeQuietly(1_000);
    expect(typesSent()).not.toContain('cart_returned');
    expect(await t.collector.stats()).toMatchObject({ abandoned: 0, pending: 0 });
    expect((await getCart(page)).count).toBe(7);
    expect(watch.pageErrors).toEqual([]);
  });

  it('closing one of two store tabs while the other is in view: not counted', async () => {
    const { page: first, context } = await openWithCart();
    const { page: second } = await t.openStore('/', { context });
    await waitForTracking(second);
    await second.close({ runBeforeUnload: false });
    await expect.poll(() => t.collector.stored('abandonment_cancelled'), { timeout: 5_000 }).toHaveLength(1);
    const [abandoned] = await t.collector.stored('cart_abandoned');
    const [cancelled] = await t.collector.stored('abandonment_cancelled');
    expect(abandoned).toMatchObject({ reason: 'tab_closed' });
    expect(cancelled).toMatchObject({ abandonmentId: abandoned!.abandonmentId, reason: 'other_tab' });
    expect(await t.collector.stats()).toMatchObject({ abandoned: 0, pending: 0 });
    expect((await getCart(first)).count).toBe(7);
  });
});

describe('events describe the cart as it is', () => {
  it('checkoutStarted pushed through the stub queue at page load carries the saved cart', async () => {
    const { page, context } = await openWithCart();
    const cart = await getCart(page);
    await page.close({ runBeforeUnload: false });
    await t.openStore('/', {
      context,
      initScripts: [() => void ((window as unknown as { cartback: unknown[] }).cartback = [['checkoutStarted']])],
    });
    await expect.poll(() => t.collector.stored('checkout_started'), { timeout: 5_000 }).toHaveLength(1);
    const [started] = await t.collector.stored('checkout_started');
    expect(started!.cart).toMatchObject({ count: cart.count, value: cart.value });
    expect(started!.cart!.items.map((item) => item.id)).toEqual(threeItems.map((item) => item.id));
  });
});
