import { describe, expect, it } from 'vitest';
import { addToCart, getCart, readStoredCart, waitForCartback } from './support/cartbackPage';
import { setupBrowserTests } from './support/setupBrowserTests';
import { observeQuietPeriod } from './support/watchPage';

const t = setupBrowserTests();

const good = { id: 'good', name: 'Good beans', price: 9.9, quantity: 1 };

// [what is wrong, the item, the field the message must name, how the bad value must show]
const invalidItems: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['no id', { name: 'x', price: 1, quantity: 1 }, 'id', /undefined|missing/i],
  ['a negative price', { id: 'p', name: 'x', price: -1, quantity: 1 }, 'price', /-1\b/],
  ['a NaN price', { id: 'p', name: 'x', price: Number.NaN, quantity: 1 }, 'price', /NaN/],
  ['a fractional quantity', { id: 'q', name: 'x', price: 1, quantity: 1.5 }, 'quantity', /1\.5/],
  ['a numeric name', { id: 'n', name: 42, price: 1, quantity: 1 }, 'name', /42/],
];

describe('cart.add with invalid items', () => {
  it('returns false, explains each mistake once on the console, and leaves the cart as it was', async () => {
    const { page, watch } = await t.openPage('/');
    await waitForCartback(page);
    expect(await addToCart(page, good)).toBe(true);
    const before = await getCart(page);

    for (const [index, [problem, item, field, value]] of invalidItems.entries()) {
      expect(await addToCart(page, item), `cart.add with ${problem}`).toBe(false);
      await expect.poll(() => watch.cartbackMessages('error').length, { message: `an error for ${problem}` }).toBe(index + 1);
      const message = watch.cartbackMessages('error')[index]?.text ?? '';
      console.log(`[e2e] ${problem}: ${message}`);
      expect(message, `the message for ${problem} names the field`).toMatch(new RegExp(`\\b${field}\\b`));
      expect(message, `the message for ${problem} shows the bad value`).toMatch(value);
      expect(await getCart(page)).toEqual(before);
    }

    await observeQuietPeriod(page);
    expect(watch.cartbackMessages('error')).toHaveLength(invalidItems.length);
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
  });

  it('still reports a mistake, naming the call, the code and the value, when the wording file cannot load', async () => {
    const { page, watch } = await t.openPage('/');
    await waitForCartback(page);
    await page.route('**/cartback-diagnostics.js', (route) => route.abort('internetdisconnected'));
    await page.evaluate(() => {
      const w = window as unknown as { cartback: { on(type: string, fn: (e: { code: string }) => void): void }; codes: string[] };
      w.codes = [];
      w.cartback.on('error', (error) => w.codes.push(error.code));
    });

    expect(await addToCart(page, { id: 'p', name: 'x', price: -1, quantity: 1 })).toBe(false);
    await expect.poll(() => watch.cartbackMessages('error').map((m) => m.text)).toEqual(['[cartback] cart.add: invalid_item_price (got -1)']);
    expect(await page.evaluate(() => (window as unknown as { codes: string[] }).codes)).toEqual(['invalid_item_price']);
    expect(await addToCart(page, good)).toBe(true);
    expect(watch.pageErrors).toEqual([]);
  });

  it('stores a name that looks like HTML verbatim, without running it', async () => {
    const { page, watch } = await t.openPage('/');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await waitForCartback(page);
    const name = '<img src=x onerror=alert(1)>';

    expect(await addToCart(page, { id: 'xss', name, price: 1, quantity: 1 })).toBe(true);
    expect((await getCart(page)).items).toEqual([expect.objectContaining({ id: 'xss', name })]);
    await expect.poll(async () => (await readStoredCart(page))?.cart.items[0]?.name).toBe(name);

    await page.reload();
    await waitForCartback(page);
    expect((await getCart(page)).items[0]?.name).toBe(name);
    expect(dialogs).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
