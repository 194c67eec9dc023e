import { describe, expect, it } from 'vitest';
import type { CartState } from '../types.js';
import { isNewerCart } from './isNewerCart.js';

const cart = (version: number, updatedAt: number): CartState => ({ id: 'cart-1', version, items: [], currency: 'USD', updatedAt });

describe('isNewerCart', () => {
  it('takes the later change', () => {
    expect(isNewerCart(cart(1, 2000), cart(9, 1500))).toBe(true);
    expect(isNewerCart(cart(9, 1500), cart(1, 2000))).toBe(false);
  });

  it('breaks a tie on time the same way in both tabs', () => {
    const [a, b] = [cart(1, 1000), cart(2, 1000)];
    expect(isNewerCart(a, b)).not.toBe(isNewerCart(b, a));
    expect(isNewerCart(a, a)).toBe(false);
  });
});
