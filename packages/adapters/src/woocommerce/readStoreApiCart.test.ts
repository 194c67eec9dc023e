import { describe, expect, it } from 'vitest';
import { readStoreApiCart } from './readStoreApiCart.js';

// Shaped like the Store API's documented cart response (docs/cart.md), trimmed to what matters.
const money = { currency_code: 'EUR', currency_symbol: '€', currency_minor_unit: 2, currency_decimal_separator: ',' };
const line = (overrides: Record<string, unknown> = {}, prices: Record<string, unknown> = {}) => ({
  key: 'a5771bce93e200c36f7cd9dfd0e5deaa',
  id: 38,
  quantity: 3,
  name: 'Beanie with Logo',
  sku: 'woo-beanie-logo',
  permalink: 'https://shop.example/product/beanie-with-logo/',
  images: [
    {
      id: 61,
      src: 'https://shop.example/wp-content/uploads/beanie.jpg',
      thumbnail: 'https://shop.example/wp-content/uploads/beanie-450x450.jpg',
      alt: '',
    },
  ],
  variation: [],
  item_data: [],
  prices: { price: '1999', regular_price: '2400', sale_price: '1999', ...money, ...prices },
  totals: { line_subtotal: '5997', line_total: '5997', ...money },
  ...overrides,
});
const cart = (items: unknown[], totals: Record<string, unknown> = {}) => ({
  items,
  coupons: [],
  totals: { total_items: '5997', total_price: '5997', ...money, ...totals },
  items_count: items.length,
});
const errorOf = (body: unknown) => {
  try {
    readStoreApiCart(body);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('readStoreApiCart did not throw');
};

describe('readStoreApiCart', () => {
  it('maps a line to a cart item: id, name, unit price, quantity, sku, url and thumbnail', () => {
    expect(readStoreApiCart(cart([line()]))).toEqual({
      currency: 'EUR',
      items: [
        {
          id: '38',
          name: 'Beanie with Logo',
          price: 19.99,
          quantity: 3,
          sku: 'woo-beanie-logo',
          url: 'https://shop.example/product/beanie-with-logo/',
          image: 'https://shop.example/wp-content/uploads/beanie-450x450.jpg',
        },
      ],
    });
  });

  it('reads an empty cart as no items', () => {
    expect(readStoreApiCart(cart([], { total_price: '0' }))).toEqual({ currency: 'EUR', items: [] });
  });

  it('moves the decimal point by the currency minor unit, exactly', () => {
    const price = (value: string, unit: number) =>
      readStoreApiCart(cart([line({}, { price: value, currency_minor_unit: unit })])).items[0]!.price;
    expect(price('1999', 2)).toBe(19.99); // not 1999 * 0.01, which is 19.990000000000002
    expect(price('1500', 0)).toBe(1500);
    expect(price('5', 2)).toBe(0.05);
    expect(price('0', 2)).toBe(0);
    expect(price('1235', 3)).toBe(1.235);
    expect(price('7', 2)).toBe(0.07);
    expect(price('1000000099', 2)).toBe(10000000.99);
  });

  it('uses the full image when there is no thumbnail, and leaves out what is missing', () => {
    const [item] = readStoreApiCart(
      cart([line({ images: [{ id: 1, src: 'https://shop.example/full.jpg', thumbnail: '' }], sku: '', permalink: undefined })]),
    ).items;
    expect(item).toEqual({ id: '38', name: 'Beanie with Logo', price: 19.99, quantity: 3, image: 'https://shop.example/full.jpg' });
    const [bare] = readStoreApiCart(cart([line({ images: [], sku: '' })])).items;
    expect(bare).not.toHaveProperty('image');
    expect(bare).not.toHaveProperty('sku');
  });

  it("names a variation by its own id, with the chosen attributes after the product's name and no variant", () => {
    const hoodie = line({
      key: 'b6d767d2f8ed5d21a44b0e5886680cb9',
      id: 31,
      quantity: 1,
      name: 'Hoodie',
      sku: 'woo-hoodie-blue-l',
      variation: [
        { raw_attribute: 'attribute_pa_color', attribute: 'Color', value: 'Blue' },
        { raw_attribute: 'attribute_size', attribute: 'Size', value: 'L' },
      ],
    });
    const [item] = readStoreApiCart(cart([hoodie])).items;
    expect(item).toMatchObject({ id: '31', name: 'Hoodie - Blue, L', sku: 'woo-hoodie-blue-l', quantity: 1 });
    expect(item).not.toHaveProperty('variant');
  });

  it('turns the HTML WordPress sends in names into the text it shows', () => {
    const name = (html: string) => readStoreApiCart(cart([line({ name: html })])).items[0]!.name;
    expect(name('Coffee &#8211; Single Origin')).toBe('Coffee – Single Origin');
    expect(name('Salt &amp; Pepper &#x2018;Grinder&#x2019;')).toBe('Salt & Pepper ‘Grinder’');
    expect(name('&lt;b&gt; is &quot;bold&quot;&nbsp;&#039;ok&#039;')).toBe('<b> is "bold"\u00a0\'ok\'');
    expect(name('<em>Limited</em> Mug')).toBe('Limited Mug');
    // Not entities, or not characters: kept as they are.
    expect(name('Fish &chips; &#0; &#xD800; &#99999999;')).toBe('Fish &chips; &#0; &#xD800; &#99999999;');
    expect(name('R&D 3 < 4')).toBe('R&D 3 < 4');
    const [hoodie] = readStoreApiCart(cart([line({ name: 'Hoodie', variation: [{ attribute: 'Colour', value: 'Black &amp; White' }] })])).items;
    expect(hoodie!.name).toBe('Hoodie - Black & White');
  });

  it('accepts a line in the cart currency without its own currency code', () => {
    const { prices } = line();
    const [item] = readStoreApiCart(cart([line({ prices: { price: prices.price, currency_minor_unit: 2 } })])).items;
    expect(item!.price).toBe(19.99);
  });

  it('throws a short reason for anything malformed', () => {
    expect(errorOf(null)).toBe('the answer is not a Store API cart');
    expect(errorOf({ code: 'woocommerce_rest_missing_nonce', message: 'Missing the Nonce header.' })).toBe('the answer is not a Store API cart');
    expect(errorOf({ items: {}, totals: money })).toBe('the answer is not a Store API cart');
    expect(errorOf(cart([], { currency_code: '' }))).toBe('totals.currency_code "" is not a currency code');
    expect(errorOf(cart(['x']))).toBe('items[0] is not a cart item with prices');
    expect(errorOf(cart([line(), line({ prices: undefined })]))).toBe('items[1] is not a cart item with prices');
    expect(errorOf(cart([line({ id: null })]))).toBe('items[0].id null is not a product id');
    expect(errorOf(cart([line({ id: 0 })]))).toBe('items[0].id 0 is not a product id');
    expect(errorOf(cart([line({ quantity: 1.5 })]))).toBe('items[0].quantity 1.5 is not a whole number');
    expect(errorOf(cart([line({ quantity: '2' })]))).toBe('items[0].quantity "2" is not a whole number');
    expect(errorOf(cart([line({ name: 7 })]))).toBe('items[0].name is not a string');
    expect(errorOf(cart([line({}, { price: 1999 })]))).toBe('the price 1999 is not a string of minor units');
    expect(errorOf(cart([line({}, { price: '19.99' })]))).toBe('the price "19.99" is not a string of minor units');
    expect(errorOf(cart([line({}, { price: '-100' })]))).toBe('the price "-100" is not a string of minor units');
    expect(errorOf(cart([line({}, { currency_minor_unit: '2' })]))).toBe('currency_minor_unit "2" is not a whole number from 0 to 10');
    expect(errorOf(cart([line({}, { currency_code: 'USD' })]))).toBe('items[0] is in USD, the cart in EUR');
    expect(errorOf(cart([line({ variation: [{ attribute: 'Size' }] })]))).toBe('items[0].variation is not a list of { attribute, value }');
  });
});
