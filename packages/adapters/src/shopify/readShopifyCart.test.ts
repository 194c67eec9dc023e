import { describe, expect, it } from 'vitest';
import { readShopifyCart } from './readShopifyCart.js';

const TOKEN = 'Z2NwLWV1cm9wZS13ZXN0MTowMUpGM1dQUk5aUUVLQzJYNVlWOFRNN0hEQg?key=5c1f0e8a9b2d4c6e8f0a1b3c5d7e9f21';

/** One line of `GET /cart.js`, with the fields Shopify documents (values of our own). */
function line(fields: Record<string, unknown> = {}) {
  return {
    id: 44120987650101,
    properties: {},
    quantity: 3,
    variant_id: 44120987650101,
    key: '44120987650101:7d0c4b1f9e2a83c56d1e0f4a2b9c7e31',
    title: 'Linen apron - Sage',
    price: 1999,
    original_price: 1999,
    discounted_price: 1999,
    line_price: 5997,
    original_line_price: 5997,
    total_discount: 0,
    discounts: [],
    sku: 'APR-SAGE',
    grams: 240,
    vendor: 'Fernhill',
    taxable: true,
    product_id: 8011122233301,
    product_has_only_default_variant: false,
    gift_card: false,
    final_price: 1999,
    final_line_price: 5997,
    url: '/products/linen-apron?variant=44120987650101',
    featured_image: { aspect_ratio: 1, alt: 'Linen apron', height: 800, url: 'https://fernhill.example/cdn/shop/files/apron.jpg?v=1', width: 800 },
    image: 'https://fernhill.example/cdn/shop/files/apron.jpg?v=1',
    handle: 'linen-apron',
    requires_shipping: true,
    product_type: 'Kitchen',
    product_title: 'Linen apron',
    product_description: 'A heavy linen apron.',
    variant_title: 'Sage',
    variant_options: ['Sage'],
    options_with_values: [{ name: 'Colour', value: 'Sage' }],
    line_level_discount_allocations: [],
    line_level_total_discount: 0,
    ...fields,
  };
}

function cart(items: unknown[], fields: Record<string, unknown> = {}) {
  return {
    token: TOKEN,
    note: null,
    attributes: {},
    original_total_price: 0,
    total_price: 0,
    total_discount: 0,
    total_weight: 0,
    item_count: items.length,
    items,
    requires_shipping: true,
    currency: 'EUR',
    items_subtotal_price: 0,
    cart_level_discount_applications: [],
    ...fields,
  };
}

describe('readShopifyCart', () => {
  it('maps each line to an item: the product as id, the variant, the title, quantity and final unit price', () => {
    expect(readShopifyCart(cart([line()]))).toEqual({
      token: TOKEN,
      currency: 'EUR',
      items: [
        {
          id: '8011122233301',
          variant: '44120987650101',
          name: 'Linen apron',
          quantity: 3,
          price: 19.99,
          url: '/products/linen-apron?variant=44120987650101',
          image: 'https://fernhill.example/cdn/shop/files/apron.jpg?v=1',
          sku: 'APR-SAGE',
        },
      ],
    });
  });

  it('keeps the token whole, its ?key= part included', () => {
    expect(readShopifyCart(cart([])).token).toBe(TOKEN);
  });

  it('reads an empty cart as no items', () => {
    expect(readShopifyCart(cart([]))).toEqual({ token: TOKEN, currency: 'EUR', items: [] });
  });

  it('takes the price after line discounts (final_price), not the list price', () => {
    const [item] = readShopifyCart(cart([line({ price: 2500, original_price: 2500, discounted_price: 2000, final_price: 2000 })])).items;
    expect(item!.price).toBe(20);
  });

  it('divides by 100 in every currency, zero-decimal ones included (₩8,900 is 890000)', () => {
    const [krw] = readShopifyCart(cart([line({ final_price: 890000 })], { currency: 'KRW' })).items;
    const [jpy] = readShopifyCart(cart([line({ final_price: 120000 })], { currency: 'JPY' })).items;
    expect([krw!.price, jpy!.price]).toEqual([8900, 1200]);
  });

  it('falls back to the variant as id when the line has no product_id', () => {
    const [item] = readShopifyCart(cart([line({ product_id: null })])).items;
    expect(item).toMatchObject({ id: '44120987650101', variant: '44120987650101' });
  });

  it('leaves out an empty sku and a missing image or url', () => {
    const [item] = readShopifyCart(cart([line({ sku: '', image: null, url: undefined })])).items;
    expect(item).toEqual({ id: '8011122233301', variant: '44120987650101', name: 'Linen apron', quantity: 3, price: 19.99 });
  });

  it.each([
    ['null', null, 'the cart is not an object'],
    ['an array', [line()], 'the cart is not an object'],
    ['an HTML page', '<!doctype html>', 'the cart is not an object'],
    ['no token', cart([], { token: undefined }), 'the cart has no token'],
    ['an empty token', cart([], { token: '' }), 'the cart has no token'],
    ['a numeric token', cart([], { token: 42 }), 'the cart has no token'],
    ['no currency', cart([], { currency: undefined }), 'the cart has no currency'],
    ['items as an object', cart([], { items: { 0: line() } }), 'cart.items is not an array'],
    ['a line that is null', cart([line(), null]), 'items[1] is not an object'],
    ['a variant_id as a string', cart([line({ variant_id: '44120987650101' })]), 'items[0].variant_id is not a number'],
    ['no quantity', cart([line({ quantity: undefined })]), 'items[0].quantity is not a number'],
    ['a final_price as a string', cart([line({ final_price: '19.99' })]), 'items[0].final_price is not a number'],
    ['a final_price of NaN', cart([line({ final_price: NaN })]), 'items[0].final_price is not a number'],
    ['no product_title', cart([line({ product_title: undefined })]), 'items[0].product_title is not a string'],
  ])('throws for %s, saying why', (_, json, reason) => {
    expect(() => readShopifyCart(json)).toThrow(new Error(reason));
  });
});
