import { describe, expect, it } from 'vitest';
import { readGa4Event } from './readGa4Event.js';

/** What gtag.js pushes: the Arguments object of `gtag(...)`, array-like but not an Array. */
function gtag(..._args: unknown[]): IArguments {
  return arguments;
}

const tee = { item_id: 'SKU-TEE', item_name: 'Logo tee', item_variant: 'M', item_category: 'Apparel', item_brand: 'Acme', price: 19.99, quantity: 3 };
const TEE = { id: 'SKU-TEE', name: 'Logo tee', price: 19.99, quantity: 3, variant: 'M', category: 'Apparel', currency: undefined };

describe('readGa4Event', () => {
  it("reads GTM's { event, ecommerce } push, with GA4 item fields in cartback's names", () => {
    expect(readGa4Event({ event: 'add_to_cart', ecommerce: { currency: 'EUR', value: 59.97, items: [tee] } })).toEqual({
      name: 'add_to_cart',
      currency: 'EUR',
      items: [TEE],
    });
  });

  it("reads gtag('event', name, params), an Arguments object", () => {
    const entry = gtag('event', 'remove_from_cart', { currency: 'EUR', value: 19.99, items: [{ ...tee, quantity: 1 }] });
    expect(Array.isArray(entry)).toBe(false);
    expect(readGa4Event(entry)).toEqual({ name: 'remove_from_cart', currency: 'EUR', items: [{ ...TEE, quantity: 1 }] });
  });

  it.each(['add_to_cart', 'remove_from_cart', 'view_cart', 'begin_checkout'])('reads %s in both shapes', (name) => {
    const params = { currency: 'EUR', items: [tee] };
    const expected = { name, currency: 'EUR', items: [TEE] };
    expect(readGa4Event({ event: name, ecommerce: params })).toEqual(expected);
    expect(readGa4Event(gtag('event', name, params))).toEqual(expected);
  });

  it('reads a purchase: its transaction_id, value and currency, not its items', () => {
    const ecommerce = { transaction_id: 'T-1001', value: 59.97, currency: 'EUR', tax: 9.57, items: [tee] };
    const expected = { name: 'purchase', transactionId: 'T-1001', value: 59.97, currency: 'EUR', items: [] };
    expect(readGa4Event({ event: 'purchase', ecommerce })).toEqual(expected);
    expect(readGa4Event(gtag('event', 'purchase', ecommerce))).toEqual(expected);
    expect(readGa4Event({ event: 'purchase', ecommerce: { transaction_id: 1001, value: '59.97' } })).toEqual({
      name: 'purchase',
      transactionId: 1001,
      value: 59.97,
      currency: undefined,
      items: [],
    });
    expect(readGa4Event({ event: 'purchase', ecommerce: { transaction_id: 'T-3', value: 'about 60' } })?.value).toBeUndefined();
    // Malformed items do not stop a purchase: the cart it converts is cartback's own.
    expect(readGa4Event({ event: 'purchase', ecommerce: { transaction_id: 'T-2', items: 'none' } })?.transactionId).toBe('T-2');
  });

  it('turns numeric strings into numbers, as sites push them ("11.99", quantity "2")', () => {
    const event = readGa4Event({ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'MUG-01', item_name: 'Mug', price: '12.50', quantity: '2' }] } });
    expect(event?.items).toEqual([
      { id: 'MUG-01', name: 'Mug', price: 12.5, quantity: 2, variant: undefined, category: undefined, currency: undefined },
    ]);
  });

  it('leaves any other price as it is, for validateItem to name', () => {
    const event = readGa4Event({ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'a', price: '€12.50' }, { item_id: 'b', price: -1 }] } });
    expect(event?.items.map((item) => item.price)).toEqual(['€12.50', -1]);
  });

  it('uses item_name for a missing item_id and the reverse, leaves quantity undefined (1) and keeps an item currency', () => {
    const event = readGa4Event({
      event: 'view_cart',
      ecommerce: { items: [{ item_name: 'Gift card', price: 25 }, { item_id: 4711, price: 5, currency: 'USD' }] },
    });
    expect(event?.items).toEqual([
      { id: 'Gift card', name: 'Gift card', price: 25, quantity: undefined, variant: undefined, category: undefined, currency: undefined },
      { id: 4711, name: '4711', price: 5, quantity: undefined, variant: undefined, category: undefined, currency: 'USD' },
    ]);
  });

  it.each([
    ['gtm.js', { 'gtm.start': 1_700_000_000_000, event: 'gtm.js' }],
    ['gtm.dom', { event: 'gtm.dom' }],
    ['a page_view', { event: 'page_view', page_title: 'Shop' }],
    ['a view_item', { event: 'view_item', ecommerce: { items: [tee] } }],
    ['the ecommerce reset', { ecommerce: null }],
    ['a plain variable', { pageType: 'cart' }],
    ['gtag config', gtag('config', 'G-XXXXXXX')],
    ['a consent command', gtag('consent', 'default', { ad_storage: 'denied' })],
    ['a gtag page_view', gtag('event', 'page_view')],
    ['a method-call array', ['ecommerce.clear']],
    ["an array shaped like gtag's", ['event', 'add_to_cart', { items: [tee] }]],
    ['a function', () => {}],
    ['null', null],
    ['a string', 'add_to_cart'],
  ])('returns undefined for %s', (_, entry) => {
    expect(readGa4Event(entry)).toBeUndefined();
  });

  it.each([
    ['no ecommerce object', { event: 'add_to_cart' }, 'add_to_cart: ecommerce must be an object (got undefined)'],
    ['gtag without parameters', gtag('event', 'view_cart'), 'view_cart: the parameters must be an object (got undefined)'],
    ['items that are not an array', { event: 'view_cart', ecommerce: { items: { 0: tee } } }, 'view_cart: items must be an array (got {"0":'],
    ['an item that is not an object', { event: 'add_to_cart', ecommerce: { items: ['SKU-TEE'] } }, 'add_to_cart: an item must be an object (got "SKU-TEE")'],
    ['an item without id or name', { event: 'add_to_cart', ecommerce: { items: [{ price: 5 }] } }, 'add_to_cart: an item needs an item_id or an item_name (got {"price":5})'],
    ['a purchase without transaction_id', { event: 'purchase', ecommerce: { value: 5 } }, 'purchase: transaction_id must be a non-empty string or number (got undefined)'],
    ['a purchase with an empty transaction_id', gtag('event', 'purchase', { transaction_id: '' }), 'purchase: transaction_id must be a non-empty string or number (got "")'],
  ])('throws with the reason for %s', (_, entry, reason) => {
    expect(() => readGa4Event(entry)).toThrowError(reason);
  });
});
