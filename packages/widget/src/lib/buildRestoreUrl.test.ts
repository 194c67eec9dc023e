import { describe, expect, it } from 'vitest';
import { buildRestoreUrl } from './buildRestoreUrl.js';

const cart = {
  id: 'c-1',
  items: [
    { id: 'mug', name: 'Mug', price: 12.5, quantity: 2, variant: '4011' },
    { id: 'tea', name: 'Tea', price: 7.25, quantity: 1 },
  ],
};

describe('buildRestoreUrl', () => {
  it('fills a Shopify cart permalink: variant (else id) and quantity per line', () => {
    expect(buildRestoreUrl({ restoreUrl: '/cart/{items}' }, cart, undefined, 'banner')).toBe('/cart/4011:2,tea:1?cb_source=banner');
  });

  it('fills {cartId} and {code}, encoding each value, and adds the marker to an existing query', () => {
    expect(buildRestoreUrl({ restoreUrl: '/cart/{items}?discount={code}&c={cartId}' }, cart, 'SAVE 10&X', 'exit_intent')).toBe(
      '/cart/4011:2,tea:1?discount=SAVE%2010%26X&c=c-1&cb_source=exit_intent',
    );
    const odd = { id: 'a/b', items: [{ id: 'x,y:z', name: 'X', price: 1, quantity: 3 }] };
    expect(buildRestoreUrl({ restoreUrl: 'https://shop.example/r/{cartId}/{items}' }, odd, undefined, 'banner')).toBe(
      'https://shop.example/r/a%2Fb/x%2Cy%3Az:3?cb_source=banner',
    );
  });

  it('leaves {code} empty without an offer, and other braces alone', () => {
    expect(buildRestoreUrl({ restoreUrl: '?restore={cartId}&code={code}&x={other}' }, cart, undefined, 'banner')).toBe(
      '?restore=c-1&code=&x={other}&cb_source=banner',
    );
  });

  it('puts the marker before the hash', () => {
    expect(buildRestoreUrl({ restoreUrl: '/cart?id={cartId}#checkout' }, cart, undefined, 'banner')).toBe('/cart?id=c-1&cb_source=banner#checkout');
    expect(buildRestoreUrl({ checkoutUrl: '/checkout#step-2' }, cart, undefined, 'exit_intent')).toBe('/checkout?cb_source=exit_intent#step-2');
  });

  it('falls back to checkoutUrl, then /checkout', () => {
    expect(buildRestoreUrl({ checkoutUrl: 'https://shop.example/checkout?step=1' }, cart, 'X', 'banner')).toBe(
      'https://shop.example/checkout?step=1&cb_source=banner',
    );
    expect(buildRestoreUrl({}, cart, undefined, 'exit_intent')).toBe('/checkout?cb_source=exit_intent');
  });
});
