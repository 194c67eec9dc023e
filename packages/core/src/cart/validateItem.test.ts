import { describe, expect, it } from 'vitest';
import { validateItem, validatePatch } from './validateItem.js';
import { catchCartbackError } from '../testing/catchCartbackError.js';

const valid = { id: 'sku-1', name: 'Mug', price: 19.99, quantity: 2 };

describe('validateItem', () => {
  it('returns a normalised item for a valid input', () => {
    expect(validateItem(valid, 'USD')).toEqual({ id: 'sku-1', name: 'Mug', price: 19.99, quantity: 2 });
  });

  it('defaults quantity to 1', () => {
    expect(validateItem({ id: 'a', name: 'A', price: 1 }, 'USD').quantity).toBe(1);
  });

  it('keeps a numeric id as a string', () => {
    expect(validateItem({ ...valid, id: 42 }, 'USD').id).toBe('42');
  });

  it('keeps a numeric variant as a string', () => {
    expect(validateItem({ ...valid, variant: 7 }, 'USD').variant).toBe('7');
  });

  it('keeps the price as given: it is rounded on the way out (getCartSnapshot)', () => {
    expect(validateItem({ ...valid, price: 19.999 }, 'USD').price).toBe(19.999);
    expect(validateItem({ ...valid, price: 100.4 }, 'JPY').price).toBe(100.4);
  });

  it('keeps the optional string fields it knows and drops undefined ones', () => {
    const item = validateItem(
      { ...valid, currency: 'USD', variant: 'red', sku: 'M-1', url: '/p/mug', image: '/m.png', category: 'Kitchen', sku2: 'x' },
      'USD',
    );
    expect(item).toEqual({
      id: 'sku-1',
      name: 'Mug',
      price: 19.99,
      quantity: 2,
      currency: 'USD',
      variant: 'red',
      sku: 'M-1',
      url: '/p/mug',
      image: '/m.png',
      category: 'Kitchen',
    });
    expect('variant' in validateItem(valid, 'USD')).toBe(false);
  });

  it('stores markup in a name and a javascript: url verbatim (the widget renders text)', () => {
    const item = validateItem(
      { ...valid, name: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' },
      'USD',
    );
    expect(item.name).toBe('<img src=x onerror=alert(1)>');
    expect(item.url).toBe('javascript:alert(1)');
  });

  describe('id', () => {
    it.each([
      ['missing', undefined, 'undefined'],
      ['empty', '', '""'],
      ['NaN', Number.NaN, 'NaN'],
      ['an object', { a: 1 }, '{"a":1}'],
    ])('rejects an id that is %s', (_, id, shown) => {
      const error = catchCartbackError(() => validateItem({ ...valid, id }, 'USD'));
      expect(error.code).toBe('invalid_item_id');
      expect(error.message).toBe(
        `[cartback] cart.add: item.id must be a non-empty string or number (got ${shown}).`,
      );
    });
  });

  describe('price', () => {
    it.each([
      ['NaN', Number.NaN, '(got NaN)'],
      ['Infinity', Number.POSITIVE_INFINITY, '(got Infinity)'],
      ['a numeric string', '19.99', '(got "19.99")'],
      ['negative', -1, '(got -1)'],
      ['missing', undefined, '(got undefined)'],
      ['above a billion', 2e9, '(got 2000000000)'],
    ])('rejects a price that is %s', (_, price, shown) => {
      const error = catchCartbackError(() => validateItem({ ...valid, price }, 'USD'));
      expect(error.code).toBe('invalid_item_price');
      expect(error.message.startsWith('[cartback] cart.add: item.price must be')).toBe(true);
      expect(error.message).toContain(shown);
      expect(error.message).toBe(
        `[cartback] cart.add: item.price must be a finite number >= 0, e.g. 19.99 ${shown}.`,
      );
    });

    it('accepts a price of 0', () => {
      expect(validateItem({ ...valid, price: 0 }, 'USD').price).toBe(0);
    });
  });

  describe('quantity', () => {
    it.each([
      ['not whole', 1.5, '(got 1.5)'],
      ['negative', -1, '(got -1)'],
      ['a string', '2', '(got "2")'],
      ['above a million', 1e6 + 1, '(got 1000001)'],
    ])('rejects a quantity that is %s', (_, quantity, shown) => {
      const error = catchCartbackError(() => validateItem({ ...valid, quantity }, 'USD'));
      expect(error.code).toBe('invalid_item_quantity');
      expect(error.message).toBe(
        `[cartback] cart.add: item.quantity must be a whole number >= 0 ${shown}.`,
      );
    });
  });

  it('rejects a name that is not a string', () => {
    const error = catchCartbackError(() => validateItem({ ...valid, name: 42 }, 'USD'));
    expect(error.code).toBe('invalid_item_name');
    expect(error.message).toBe('[cartback] cart.add: item.name must be a string (got 42).');
  });

  it.each([
    [null, 'null'],
    ['x', '"x"'],
    [[], '[]'],
    [42, '42'],
  ])('rejects a non-object item %j', (input, shown) => {
    const error = catchCartbackError(() => validateItem(input, 'USD'));
    expect(error.code).toBe('invalid_item');
    expect(error.message).toBe(
      `[cartback] cart.add: an item must be an object like { id, name, price, quantity } (got ${shown}).`,
    );
  });

  it('rejects an item in another currency than the cart', () => {
    const error = catchCartbackError(() => validateItem({ ...valid, currency: 'EUR' }, 'USD'));
    expect(error.code).toBe('currency_mismatch');
    expect(error.message).toBe(
      `[cartback] cart.add: item.currency must be the cart's currency USD (got "EUR"). Convert the price, or set config.currency.`,
    );
  });

  it.each([
    ['sku', 5, '5'],
    ['url', { href: '/p' }, '{"href":"/p"}'],
    ['image', true, 'true'],
    ['category', ['a'], '["a"]'],
    ['variant', false, 'false'],
  ])('rejects an optional %s of the wrong type', (field, value, shown) => {
    const error = catchCartbackError(() => validateItem({ ...valid, [field]: value }, 'USD'));
    expect(error.code).toBe(`invalid_item_${field}`);
    expect(error.message).toBe(
      `[cartback] cart.add: item.${field} must be a string (got ${shown}).`,
    );
  });

  it('rejects a currency of the wrong type as a mismatch', () => {
    expect(catchCartbackError(() => validateItem({ ...valid, currency: 978 }, 'USD')).code).toBe('currency_mismatch');
  });

  it('names the calling method in the message', () => {
    const error = catchCartbackError(() => validateItem({ ...valid, price: -1 }, 'USD', 'cart.set'));
    expect(error.message.startsWith('[cartback] cart.set: item.price must be')).toBe(true);
  });

  it('shortens a long offending value to 80 characters', () => {
    const error = catchCartbackError(() => validateItem({ ...valid, name: { text: 'x'.repeat(200) } }, 'USD'));
    const shown = /\(got (.*)\)\.$/.exec(error.message)![1]!;
    expect(shown).toHaveLength(80);
    expect(shown.endsWith('...')).toBe(true);
  });
});

describe('validatePatch', () => {
  it('keeps the fields it can change and ignores id, variant, currency and unknown keys', () => {
    expect(
      validatePatch({ id: 'other', variant: 'blue', currency: 'EUR', colour: 'red', quantity: 3, name: 'Big mug' }),
    ).toEqual({ quantity: 3, name: 'Big mug' });
  });

  it('returns an empty patch for an object with nothing to change', () => {
    expect(validatePatch({ id: 'x', foo: 1 })).toEqual({});
  });

  it('validates the fields it keeps, naming cart.update', () => {
    const error = catchCartbackError(() => validatePatch({ quantity: 1.5 }));
    expect(error.code).toBe('invalid_item_quantity');
    expect(error.message.startsWith('[cartback] cart.update: item.quantity must be a whole number >= 0 (got 1.5)')).toBe(
      true,
    );
  });

  it.each([
    [null, 'null'],
    [3, '3'],
    [[1], '[1]'],
  ])('rejects a patch that is not an object (%j)', (patch, shown) => {
    const error = catchCartbackError(() => validatePatch(patch));
    expect(error.code).toBe('invalid_patch');
    expect(error.message).toBe(
      `[cartback] cart.update: the patch must be an object like { quantity: 2 } (got ${shown}).`,
    );
  });
});
