import { describe, expect, it } from 'vitest';
import { detectPlatform } from './detectPlatform.js';

describe('detectPlatform', () => {
  it('names Shopify when its theme globals say so', () => {
    expect(detectPlatform({ Shopify: { shop: 'fernhill.myshopify.com', routes: { root: '/' } } })).toBe('shopify');
  });

  it.each([
    ['no window (a server)', undefined],
    ['a plain page', {}],
    ['a Shopify object without a shop (a script that merely mentions Shopify)', { Shopify: {} }],
    ['WooCommerce (named in the config instead)', { woocommerce_params: {}, wc_add_to_cart_params: {} }],
    ['a GTM dataLayer (never detected)', { dataLayer: [{ event: 'add_to_cart' }] }],
  ])('names nothing for %s', (_, win) => {
    expect(detectPlatform(win)).toBeUndefined();
  });
});
