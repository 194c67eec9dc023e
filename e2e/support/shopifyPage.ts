import type { BrowserContext, Page } from 'playwright-core';
import { waitForCartback, type CartItem, type TestWindow } from './cartbackPage';

/** An answer to a cart request as the theme's code got it (e2e/fixtures/shopify/assets/theme.js). */
export interface ThemeLogEntry {
  method: string;
  path: string;
  status: number;
  body: string;
}
type ThemeWindow = TestWindow & {
  themeLog: ThemeLogEntry[];
  cartback: TestWindow['cartback'] & { cart: { id: string }; showExitIntent(): Promise<void> };
};

/** Waits until cartback runs and its Shopify adapter has started (it wraps `fetch` when it does). */
export async function waitForAdapter(page: Page): Promise<void> {
  await waitForCartback(page);
  await page.waitForFunction(() => !Function.prototype.toString.call(window.fetch).includes('[native code]'));
}

/** cartback's cart, as the store's own code reads it. */
export function cartOf(page: Page): Promise<{ id: string; items: CartItem[]; value: number; count: number }> {
  return page.evaluate(() => {
    const { cart } = (window as ThemeWindow).cartback;
    return { id: cart.id, items: cart.items, value: cart.value, count: cart.count };
  });
}

/** The theme's record of the answers its code got. */
export const themeLog = (page: Page): Promise<ThemeLogEntry[]> => page.evaluate(() => (window as ThemeWindow).themeLog);

/** Runs a theme action and waits until its answer is in and the theme has redrawn the cart (`#cart-count`). */
export async function themeDoes(page: Page, action: () => Promise<unknown>, expectedCount: number): Promise<void> {
  const before = (await themeLog(page)).length;
  await action();
  await page.waitForFunction((n) => (window as ThemeWindow).themeLog.length > n, before);
  await page.waitForFunction((count) => document.getElementById('cart-count')?.textContent === String(count), expectedCount);
}

/** Adds through the product card's own form: picks the variant (if the card has a picker), sets the quantity, submits. */
export async function addWithForm(page: Page, handle: string, quantity: number, variantId?: number): Promise<void> {
  const card = page.locator(`[data-product="${handle}"]`);
  if (variantId) await card.locator('select[name=id]').selectOption(String(variantId));
  await card.locator('input[name=quantity]').fill(String(quantity));
  await card.locator('button[type=submit]').click();
}

/** The `cart` cookie: the whole token of the shopper's Shopify cart. */
export async function cartCookie(context: BrowserContext): Promise<string | undefined> {
  const cookie = (await context.cookies()).find((c) => c.name === 'cart');
  return cookie && decodeURIComponent(cookie.value);
}

export type { ThemeWindow };
