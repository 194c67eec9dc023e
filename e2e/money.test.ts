import { describe, expect, it } from 'vitest';
import { getCart, waitForCartback, type TestWindow } from './support/cartbackPage';
import { setupBrowserTests } from './support/setupBrowserTests';

const t = setupBrowserTests();

/** Adds the items in a fresh page and returns the cart's value and count. */
async function totalOf(items: Array<{ price: number; quantity: number }>): Promise<{ value: number; count: number }> {
  const { page } = await t.openPage('/');
  await waitForCartback(page);
  await page.evaluate((lines) => {
    lines.forEach((line, index) =>
      (window as TestWindow).cartback.cart.add({ id: `item-${index}`, name: `Item ${index}`, currency: 'EUR', ...line }),
    );
  }, items);
  const { value, count } = await getCart(page);
  return { value, count };
}

describe('cart.value is exact money, not float arithmetic', () => {
  it('adds 3 × 19.99 and 1 × 5.01 to exactly 64.98', async () => {
    // Depending on the order of float additions this is 64.97999999999999 (5.01 + 19.99 × 3 one by one).
    expect(await totalOf([{ price: 19.99, quantity: 3 }, { price: 5.01, quantity: 1 }])).toEqual({ value: 64.98, count: 4 });
  });

  it('adds 0.1 and 0.2 to exactly 0.3, and 3 × 1.15 to exactly 3.45', async () => {
    expect(await totalOf([{ price: 0.1, quantity: 1 }, { price: 0.2, quantity: 1 }])).toEqual({ value: 0.3, count: 2 });
    expect(await totalOf([{ price: 1.15, quantity: 3 }])).toEqual({ value: 3.45, count: 3 });
  });
});
