import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { CartItem } from './cartbackPage';
import type { BrowserTests } from './setupBrowserTests';
import { addItems, hasPart, MUG, openWidgetPage, sentFrom, waitForPart, type SentEvent, type WidgetPage, type WidgetWindow } from './widgetPage';

/** The return banner's region, through `<cartback-widget>`'s open shadow root (locators pierce it). */
export const banner = (page: Page): Locator => page.locator('cartback-widget [part=banner]');

export const isBannerShown = (page: Page) => hasPart(page, 'banner');
export const waitForBanner = (page: Page) => waitForPart(page, 'banner');
export const waitForBannerGone = (page: Page) => waitForPart(page, 'banner', false);

/**
 * How long a closed tab's abandonment waits for the shopper's next page before it counts
 * (`returnGrace`, 30 s by default): the leaving page is given this one, and the next visit
 * starts after it, so that it is a return and not the same visit going on.
 */
export const RETURN_GRACE = 1_000;

/**
 * A shopper who filled the cart on the store's widget page and closed the tab (so left with
 * it: `cart_abandoned`), and stayed away past the grace. Returns their browser (the context),
 * for the next visit in a new tab, and the page they left, whose `sent()` still reads its events.
 */
export async function leaveWithCart(
  t: BrowserTests,
  config: Record<string, unknown> = {},
  items: Array<Partial<CartItem>> = [MUG],
): Promise<{ context: BrowserContext; left: WidgetPage }> {
  const context = await t.newContext();
  const left = await openWidgetPage(t, { returnGrace: RETURN_GRACE, ...config }, { context });
  await addItems(left.page, items);
  // The tracking chunk loads when the cart first fills: a shopper takes longer than that.
  await left.page.evaluate(() => (window as WidgetWindow & { cartback: { flush(): Promise<void> } }).cartback.flush());
  await left.page.close({ runBeforeUnload: false });
  await new Promise((resolve) => setTimeout(resolve, RETURN_GRACE + 100));
  return { context, left };
}

/** `purchase()` on the page, then the `order_completed` it sent (from pages of `run`). */
export async function purchaseOn(t: BrowserTests, page: Page, run: string, orderId: string): Promise<SentEvent> {
  await page.evaluate((id) => (window as WidgetWindow).cartback.purchase({ orderId: id }), orderId);
  await page.evaluate(() => (window as WidgetWindow & { cartback: { flush(): Promise<void> } }).cartback.flush());
  let found: SentEvent | undefined;
  const deadline = Date.now() + 10_000;
  while (!(found = sentFrom(t, run, 'order_completed').find((e) => (e.order as { orderId: string }).orderId === orderId))) {
    if (Date.now() > deadline) throw new Error(`order_completed ${orderId} was not sent`);
    await page.waitForTimeout(50);
  }
  return found;
}
