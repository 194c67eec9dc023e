import { describe, expect, it } from 'vitest';
import { isCartChange } from './wooCommerceAdapter.js';

const changes = (path: string) => isCartChange(new URL(path, 'https://shop.example'));

describe('isCartChange', () => {
  it("matches the Store API's cart changes, under /wp-json/ or ?rest_route=, in a subdirectory too", () => {
    for (const route of ['cart/add-item', 'cart/remove-item', 'cart/update-item', 'cart/apply-coupon', 'cart/remove-coupon', 'cart/select-shipping-rate', 'batch']) {
      expect(changes(`/wp-json/wc/store/v1/${route}`)).toBe(true);
      expect(changes(`/?rest_route=/wc/store/v1/${route}`)).toBe(true);
      expect(changes(`/blog/?rest_route=%2Fwc%2Fstore%2Fv1%2F${route.replace('/', '%2F')}`)).toBe(true);
    }
    expect(changes('/shop/wp-json/wc/store/v1/cart/add-item?id=11&quantity=1')).toBe(true);
    expect(changes('/wp-json/wc/store/cart/add-item')).toBe(true);
  });

  it("matches classic themes' ?wc-ajax= cart actions", () => {
    expect(changes('/?wc-ajax=add_to_cart')).toBe(true);
    expect(changes('/?wc-ajax=remove_from_cart')).toBe(true);
    expect(changes('/product/hoodie/?wc-ajax=xoo_wsc_add_to_cart')).toBe(true);
  });

  it("leaves out reads, cartback's own among them, and what does not change the cart", () => {
    expect(changes('/wp-json/wc/store/v1/cart')).toBe(false);
    expect(changes('/?rest_route=/wc/store/v1/cart')).toBe(false);
    expect(changes('/wp-json/wc/store/v1/products?per_page=10')).toBe(false);
    expect(changes('/wp-json/wc/store/v1/checkout')).toBe(false);
    expect(changes('/?wc-ajax=get_refreshed_fragments')).toBe(false);
    expect(changes('/cart/add-item')).toBe(false);
    expect(changes('/?add-to-cart=11')).toBe(false);
  });
});
