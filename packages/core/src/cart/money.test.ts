import { describe, expect, it } from 'vitest';
import { createCart } from './createCart.js';
import { fromMinor, getCurrencyDigits, toMinor } from './money.js';
import { isCartRecord } from '../storage/records.js';

function cartIn(currency: string) {
  let n = 0;
  return createCart({ currency, newId: () => `cart-${++n}`, now: () => 0, onChange: () => {}, onError: () => {} });
}

describe('money', () => {
  it('totals 3 × 19.99 + 5.01 as exactly 64.98 in the cart', () => {
    const cart = cartIn('USD');
    cart.add({ id: 'mug', name: 'Mug', price: 19.99, quantity: 3 });
    cart.add({ id: 'card', name: 'Card', price: 5.01 });
    expect(cart.getSnapshot().value).toBe(64.98);
  });

  it('totals 0.1 + 0.2 as exactly 0.3', () => {
    const cart = cartIn('USD');
    cart.add({ id: 'a', name: 'A', price: 0.1 });
    cart.add({ id: 'b', name: 'B', price: 0.2 });
    expect(cart.getSnapshot().value).toBe(0.3);
  });

  it('totals 100 lines of 0.01 as exactly 1', () => {
    const cart = cartIn('USD');
    for (let i = 0; i < 100; i++) cart.add({ id: `line-${i}`, name: 'Penny', price: 0.01 });
    expect(cart.getSnapshot()).toMatchObject({ value: 1, count: 100 });
    expect(cart.getSnapshot().items).toHaveLength(100);
  });

  it('totals 1.1 × 3 as exactly 3.3', () => {
    const cart = cartIn('EUR');
    cart.add({ id: 'a', name: 'A', price: 1.1, quantity: 3 });
    expect(cart.getSnapshot().value).toBe(3.3);
  });

  it('knows the minor-unit digits of a currency', () => {
    expect(getCurrencyDigits('USD')).toBe(2);
    expect(getCurrencyDigits('EUR')).toBe(2);
    expect(getCurrencyDigits('JPY')).toBe(0);
    expect(getCurrencyDigits('KRW')).toBe(0);
    expect(getCurrencyDigits('KWD')).toBe(3);
    expect(getCurrencyDigits('BHD')).toBe(3);
  });

  it('converts to and from minor units per currency', () => {
    expect(toMinor(19.99, 'USD')).toBe(1999);
    expect(toMinor(1500, 'JPY')).toBe(1500);
    expect(toMinor(1.234, 'KWD')).toBe(1234);
    expect(fromMinor(1999, 'USD')).toBe(19.99);
    expect(fromMinor(1500, 'JPY')).toBe(1500);
    expect(fromMinor(1234, 'KWD')).toBe(1.234);
  });

  it('totals a JPY cart in whole yen and a KWD cart in fils', () => {
    const yen = cartIn('JPY');
    yen.add({ id: 'a', name: 'A', price: 1500, quantity: 3 });
    expect(yen.getSnapshot().value).toBe(4500);

    const dinar = cartIn('KWD');
    dinar.add({ id: 'a', name: 'A', price: 1.001, quantity: 3 });
    dinar.add({ id: 'b', name: 'B', price: 0.002 });
    expect(dinar.getSnapshot().value).toBe(3.005);
  });

  it('rounds prices on the way out: cart.add, cart.update and the check of a saved cart build no Intl.NumberFormat', () => {
    // Its first use in a browser tab costs tens of ms (getCartSnapshot); CHF is used nowhere
    // else in this file, so its digits are not cached yet.
    const built: unknown[] = [];
    const original = Intl.NumberFormat;
    Intl.NumberFormat = new Proxy(original, { construct: (target, args) => (built.push(args[1]?.currency), Reflect.construct(target, args)) });
    try {
      const cart = cartIn('CHF');
      cart.add({ id: 'a', name: 'A', price: 19.999, quantity: 2 });
      cart.add({ id: 'b', name: 'B', price: 1 });
      cart.update('b', { price: 5.006 });
      expect(isCartRecord({ v: 1, cart: cart.getState() })).toBe(true);
      expect(cart.getState().items.map((item) => item.price)).toEqual([19.999, 5.006]);
      expect(built).toEqual([]);

      const { items, value } = cart.getSnapshot();
      expect(items.map((item) => item.price)).toEqual([20, 5.01]);
      expect(value).toBe(45.01);
      expect(built).toEqual(['CHF']);
    } finally {
      Intl.NumberFormat = original;
    }
  });

  it('shows a JPY price in whole yen and a KWD price in fils', () => {
    const yen = cartIn('JPY');
    yen.add({ id: 'a', name: 'A', price: 1500.4, quantity: 2 });
    expect(yen.getSnapshot()).toMatchObject({ items: [{ price: 1500 }], value: 3000 });

    const dinar = cartIn('KWD');
    dinar.add({ id: 'a', name: 'A', price: 1.0004 });
    expect(dinar.getSnapshot()).toMatchObject({ items: [{ price: 1 }], value: 1 });
  });
});
