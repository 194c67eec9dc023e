import { describe, expect, it } from 'vitest';
import { isPathMatch } from './isPathMatch.js';

describe('isPathMatch', () => {
  it('matches the whole path literally without a wildcard', () => {
    expect(isPathMatch('/cart', '/cart')).toBe(true);
    expect(isPathMatch('/cart', '/cart/')).toBe(false);
    expect(isPathMatch('/cart', '/my/cart')).toBe(false);
  });

  it('lets * stand for any run of characters, including none and slashes', () => {
    expect(isPathMatch('/checkout*', '/checkout')).toBe(true);
    expect(isPathMatch('/checkout*', '/checkout/payment/card')).toBe(true);
    expect(isPathMatch('/products/*', '/products/mug')).toBe(true);
    expect(isPathMatch('/products/*', '/products')).toBe(false);
    expect(isPathMatch('*/thanks', '/en/order/thanks')).toBe(true);
    expect(isPathMatch('*', '/')).toBe(true);
  });

  it('treats regular-expression characters as literal', () => {
    expect(isPathMatch('/a.b', '/a.b')).toBe(true);
    expect(isPathMatch('/a.b', '/axb')).toBe(false);
    expect(isPathMatch('/(sale)+', '/(sale)+')).toBe(true);
    expect(isPathMatch('/(sale)+', '/salesale')).toBe(false);
    expect(isPathMatch('/p?id=[1]', '/p?id=[1]')).toBe(true);
  });
});
