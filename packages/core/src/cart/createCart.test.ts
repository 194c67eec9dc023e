import { describe, expect, it, vi } from 'vitest';
import { CartbackError } from '../engine/CartbackError.js';
import { createCart } from './createCart.js';
import { wordError } from '../diagnostics/wordError.js';
import type { CartItem, CartState } from '../types.js';

const mug = { id: 'mug', name: 'Mug', price: 10 };
const tee = { id: 'tee', name: 'Tee', price: 20 };

function setup({ hydrated = true } = {}) {
  let ids = 0;
  let time = 1000;
  const onChange = vi.fn<(state: CartState) => void>();
  const onError = vi.fn<(error: unknown) => void>();
  const cart = createCart({
    currency: 'USD',
    newId: () => `cart-${++ids}`,
    now: () => time,
    onChange,
    onError,
  });
  if (hydrated) cart.hydrate(undefined);
  return {
    cart,
    onChange,
    onError,
    tick(ms = 1) {
      time += ms;
    },
    lines: () => cart.getSnapshot().items.map((i) => [i.id, i.variant, i.quantity] as const),
  };
}

function savedCart(items: CartItem[], version = 5, updatedAt = 500): CartState {
  return { id: 'saved', version, items, currency: 'USD', updatedAt };
}

describe('createCart', () => {
  it('starts empty, with a new id and version 0', () => {
    const { cart } = setup();
    expect(cart.getSnapshot()).toEqual({ id: 'cart-1', version: 0, items: [], currency: 'USD', value: 0, count: 0 });
  });

  describe('add', () => {
    it('adds a line and raises the version', () => {
      const { cart } = setup();
      expect(cart.add({ ...mug, quantity: 2 })).toBe(true);
      expect(cart.getSnapshot()).toMatchObject({
        version: 1,
        items: [{ id: 'mug', name: 'Mug', price: 10, quantity: 2 }],
        value: 20,
        count: 2,
      });
    });

    it('merges the same id into one line', () => {
      const { cart, lines } = setup();
      cart.add(mug);
      cart.add({ ...mug, quantity: 2 });
      expect(lines()).toEqual([['mug', undefined, 3]]);
      expect(cart.getSnapshot().version).toBe(2);
    });

    it('merges a numeric id with the same string id', () => {
      const { cart, lines } = setup();
      cart.add({ ...mug, id: 42 });
      cart.add({ ...mug, id: '42' });
      expect(lines()).toEqual([['42', undefined, 2]]);
    });

    it('takes the latest name and price when merging', () => {
      const { cart } = setup();
      cart.add(mug);
      cart.add({ ...mug, name: 'Mug (sale)', price: 8 });
      expect(cart.getSnapshot().items).toEqual([{ id: 'mug', name: 'Mug (sale)', price: 8, quantity: 2 }]);
    });

    it('keeps different variants of one product apart', () => {
      const { cart, lines } = setup();
      cart.add({ ...mug, variant: 'red' });
      cart.add({ ...mug, variant: 'blue', quantity: 3 });
      cart.add({ ...mug, variant: 'red' });
      expect(lines()).toEqual([
        ['mug', 'red', 2],
        ['mug', 'blue', 3],
      ]);
    });

    it('adding the plain product again changes only the plain line, not its variants', () => {
      const { cart, lines } = setup();
      cart.add({ ...mug, variant: 'red' });
      cart.add({ ...mug, variant: 'blue', quantity: 3 });
      cart.add(mug);
      cart.add(mug);
      expect(lines()).toEqual([
        ['mug', 'red', 1],
        ['mug', 'blue', 3],
        ['mug', undefined, 2],
      ]);
    });

    it('does not add a line with quantity 0', () => {
      const { cart, onChange } = setup();
      expect(cart.add({ ...mug, quantity: 0 })).toBe(false);
      expect(cart.getSnapshot()).toMatchObject({ items: [], version: 0 });
      expect(onChange).not.toHaveBeenCalled();
    });
  });

  describe('update', () => {
    it('changes the fields of a line', () => {
      const { cart } = setup();
      cart.add(mug);
      expect(cart.update('mug', { quantity: 4, price: 9.5 })).toBe(true);
      expect(cart.getSnapshot()).toMatchObject({ items: [{ id: 'mug', quantity: 4, price: 9.5 }], value: 38, version: 2 });
    });

    it('finds a line by a numeric id', () => {
      const { cart } = setup();
      cart.add({ ...mug, id: 42 });
      expect(cart.update(42, { quantity: 2 })).toBe(true);
      expect(cart.getSnapshot().count).toBe(2);
    });

    it('changes only the named variant', () => {
      const { cart, lines } = setup();
      cart.add({ ...mug, variant: 'red' });
      cart.add({ ...mug, variant: 'blue' });
      cart.update('mug', { quantity: 5 }, 'blue');
      expect(lines()).toEqual([
        ['mug', 'red', 1],
        ['mug', 'blue', 5],
      ]);
    });

    it('removes the line when quantity becomes 0', () => {
      const { cart } = setup();
      cart.add(mug);
      cart.add(tee);
      expect(cart.update('mug', { quantity: 0 })).toBe(true);
      expect(cart.getSnapshot().items.map((i) => i.id)).toEqual(['tee']);
    });

    it('returns false for an unknown id and leaves the cart unchanged', () => {
      const { cart, onChange, onError } = setup();
      cart.add(mug);
      onChange.mockClear();
      expect(cart.update('nope', { quantity: 2 })).toBe(false);
      expect(cart.getSnapshot()).toMatchObject({ version: 1, count: 1 });
      expect(onChange).not.toHaveBeenCalled();
      expect(onError).not.toHaveBeenCalled();
    });

    it('cannot change the id of a line', () => {
      const { cart } = setup();
      cart.add(mug);
      cart.update('mug', { id: 'other', quantity: 2 });
      expect(cart.getSnapshot().items).toEqual([{ id: 'mug', name: 'Mug', price: 10, quantity: 2 }]);
    });
  });

  describe('remove', () => {
    it('removes a line', () => {
      const { cart } = setup();
      cart.add(mug);
      cart.add(tee);
      expect(cart.remove('mug')).toBe(true);
      expect(cart.getSnapshot()).toMatchObject({ items: [{ id: 'tee' }], value: 20, version: 3 });
    });

    it('removes only the named variant', () => {
      const { cart, lines } = setup();
      cart.add({ ...mug, variant: 'red' });
      cart.add({ ...mug, variant: 'blue' });
      cart.remove('mug', 'red');
      expect(lines()).toEqual([['mug', 'blue', 1]]);
    });

    it('returns false for an unknown id', () => {
      const { cart } = setup();
      cart.add(mug);
      expect(cart.remove('nope')).toBe(false);
      expect(cart.getSnapshot()).toMatchObject({ version: 1, count: 1 });
    });
  });

  describe('set', () => {
    it('replaces all items', () => {
      const { cart, lines } = setup();
      cart.add(mug);
      expect(cart.set([tee, { ...mug, id: 'bowl', quantity: 2 }])).toBe(true);
      expect(lines()).toEqual([
        ['tee', undefined, 1],
        ['bowl', undefined, 2],
      ]);
      expect(cart.getSnapshot()).toMatchObject({ value: 40, version: 2 });
    });

    it('drops lines with quantity 0', () => {
      const { cart, lines } = setup();
      cart.set([tee, { ...mug, quantity: 0 }]);
      expect(lines()).toEqual([['tee', undefined, 1]]);
    });

    it('rejects the whole list when one item is invalid, leaving the cart unchanged', () => {
      const { cart, onError, onChange } = setup();
      cart.add(mug);
      onChange.mockClear();
      expect(cart.set([tee, { ...tee, id: 'bad', price: -5 }])).toBe(false);
      expect(cart.getSnapshot()).toMatchObject({ items: [{ id: 'mug', quantity: 1 }], version: 1 });
      expect(onChange).not.toHaveBeenCalled();
      expect(onError).toHaveBeenCalledTimes(1);
      const error = onError.mock.calls[0]![0] as CartbackError;
      expect(error.code).toBe('invalid_item_price');
      expect(wordError(error).message.startsWith('[cartback] cart.set: item.price must be')).toBe(true);
    });
  });

  describe('reset', () => {
    it('starts an empty cart at version 0 under a new id', () => {
      const { cart } = setup();
      cart.add(mug);
      cart.reset();
      expect(cart.getSnapshot()).toMatchObject({ id: 'cart-2', version: 0, items: [] });
    });

    it("takes the platform's cart id when given one, whole", () => {
      const { cart, onChange } = setup();
      cart.add(mug);
      cart.reset('Z2NwLWV1cm9wZS13ZXN0NDowMUhGRjJU?key=7c0e3d9a');
      expect(cart.getSnapshot()).toMatchObject({ id: 'Z2NwLWV1cm9wZS13ZXN0NDowMUhGRjJU?key=7c0e3d9a', version: 0, items: [] });
      expect(onChange).toHaveBeenCalledTimes(2);
    });
  });

  describe('clear', () => {
    it('empties the cart', () => {
      const { cart } = setup();
      cart.add(mug);
      cart.add(tee);
      expect(cart.clear()).toBe(true);
      expect(cart.getSnapshot()).toMatchObject({ items: [], value: 0, count: 0, version: 3, id: 'cart-1' });
    });

    it('returns false when the cart is already empty', () => {
      const { cart, onChange } = setup();
      expect(cart.clear()).toBe(false);
      expect(cart.getSnapshot().version).toBe(0);
      expect(onChange).not.toHaveBeenCalled();
    });
  });

  describe('invalid calls', () => {
    it.each([
      ['add with a bad price', (c: ReturnType<typeof setup>['cart']) => c.add({ ...tee, price: Number.NaN }), 'invalid_item_price'],
      ['add with a non-object', (c: ReturnType<typeof setup>['cart']) => c.add('tee'), 'invalid_item'],
      ['update with a bad quantity', (c: ReturnType<typeof setup>['cart']) => c.update('mug', { quantity: -1 }), 'invalid_item_quantity'],
      ['update with a non-object patch', (c: ReturnType<typeof setup>['cart']) => c.update('mug', 2), 'invalid_patch'],
      ['set with a bad item', (c: ReturnType<typeof setup>['cart']) => c.set([{ ...tee, name: 1 }]), 'invalid_item_name'],
    ])('%s returns false, reports once and changes nothing', (_, call, code) => {
      const { cart, onError, onChange } = setup();
      const listener = vi.fn();
      cart.add(mug);
      cart.subscribe(listener);
      onChange.mockClear();
      const before = cart.getSnapshot();

      expect(call(cart)).toBe(false);

      expect(onError).toHaveBeenCalledTimes(1);
      const error = onError.mock.calls[0]![0];
      expect(error).toBeInstanceOf(CartbackError);
      expect((error as CartbackError).code).toBe(code);
      expect(cart.getSnapshot()).toEqual(before);
      expect(onChange).not.toHaveBeenCalled();
      expect(listener).not.toHaveBeenCalled();
    });
  });

  describe('subscribe', () => {
    it('calls subscribers with the snapshot and source "local"', () => {
      const { cart } = setup();
      const listener = vi.fn();
      cart.subscribe(listener);
      cart.add({ ...mug, quantity: 2 });
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener).toHaveBeenCalledWith(
        { id: 'cart-1', version: 1, items: [{ id: 'mug', name: 'Mug', price: 10, quantity: 2 }], currency: 'USD', value: 20, count: 2 },
        'local',
      );
    });

    it('stops calling after unsubscribe', () => {
      const { cart } = setup();
      const listener = vi.fn();
      const off = cart.subscribe(listener);
      cart.add(mug);
      off();
      cart.add(tee);
      expect(listener).toHaveBeenCalledTimes(1);
    });

    it('reports a throwing subscriber and still calls the others', () => {
      const { cart, onError } = setup();
      const boom = new Error('host bug');
      const second = vi.fn();
      cart.subscribe(() => {
        throw boom;
      });
      cart.subscribe(second);
      expect(cart.add(mug)).toBe(true);
      expect(onError).toHaveBeenCalledWith(boom);
      expect(second).toHaveBeenCalledTimes(1);
    });

    it('gives each subscriber the cart as it was at that change, even when read later', () => {
      const { cart } = setup();
      const seen: Array<{ count: number; items: CartItem[]; value: number }> = [];
      cart.subscribe((snapshot) => seen.push(snapshot));
      cart.add(mug);
      cart.add({ ...tee, quantity: 2 });
      expect(JSON.parse(JSON.stringify(seen[0]))).toMatchObject({ count: 1, value: 10, items: [{ id: 'mug' }] });
      expect({ ...seen[1] }).toMatchObject({ count: 3, value: 50, items: [{ id: 'mug' }, { id: 'tee', quantity: 2 }] });
      seen[1]!.items[0]!.quantity = 99;
      expect(seen[1]!.items[0]!.quantity).toBe(99); // the copy is the subscriber's own, made once
      expect(cart.getSnapshot().count).toBe(3);
    });

    it('gives subscribers a copy they cannot use to change the cart', () => {
      const { cart } = setup();
      cart.add(mug);
      cart.getSnapshot().items[0]!.quantity = 99;
      expect(cart.getSnapshot().count).toBe(1);
    });
  });

  describe('onChange', () => {
    it('is called with the new state after every local change', () => {
      const { cart, onChange } = setup();
      cart.add(mug);
      cart.update('mug', { quantity: 3 });
      cart.remove('mug');
      expect(onChange).toHaveBeenCalledTimes(3);
      expect(onChange.mock.calls.map(([s]) => [s.version, s.items.length])).toEqual([
        [1, 1],
        [2, 1],
        [3, 0],
      ]);
    });
  });

  describe('hydrate', () => {
    it('adopts the saved cart', () => {
      const { cart, onChange } = setup({ hydrated: false });
      const listener = vi.fn();
      cart.subscribe(listener);
      cart.hydrate(savedCart([{ id: 'mug', name: 'Mug', price: 10, quantity: 1 }]));
      expect(cart.getSnapshot()).toMatchObject({ id: 'saved', version: 5, count: 1 });
      expect(listener).toHaveBeenCalledWith(expect.objectContaining({ id: 'saved', count: 1 }), 'storage');
      expect(onChange).not.toHaveBeenCalled();
    });

    it('replays changes made before it on top of the saved cart', () => {
      const { cart, onChange } = setup({ hydrated: false });
      cart.add(mug);
      expect(onChange).not.toHaveBeenCalled();

      cart.hydrate(savedCart([{ id: 'mug', name: 'Mug', price: 10, quantity: 1 }], 5));

      expect(cart.getSnapshot()).toMatchObject({ id: 'saved', version: 6, items: [{ id: 'mug', quantity: 2 }] });
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(onChange.mock.calls[0]![0]).toMatchObject({ id: 'saved', version: 6 });
    });

    it('replays several early adds in order', () => {
      const { cart, lines } = setup({ hydrated: false });
      cart.add(tee);
      cart.add({ ...mug, quantity: 2 });
      cart.add(tee);
      cart.hydrate(savedCart([{ id: 'mug', name: 'Mug', price: 10, quantity: 1 }]));
      expect(lines()).toEqual([
        ['mug', undefined, 3],
        ['tee', undefined, 2],
      ]);
      expect(cart.getSnapshot().version).toBe(8);
    });

    it('replays an early update and remove of lines that are in the saved cart', () => {
      // e.g. ['cart.update', ...] and ['cart.remove', ...] queued by a theme before cartback.js loaded:
      // they run before the saved cart is read, and must not be lost.
      const { cart, lines } = setup({ hydrated: false });
      cart.update('mug', { quantity: 4 });
      cart.remove('bowl');
      cart.hydrate(
        savedCart([
          { id: 'mug', name: 'Mug', price: 10, quantity: 1 },
          { id: 'bowl', name: 'Bowl', price: 5, quantity: 1 },
        ]),
      );
      expect(lines()).toEqual([['mug', undefined, 4]]);
    });

    it('keeps early changes when nothing was saved', () => {
      const { cart, onChange } = setup({ hydrated: false });
      cart.add(mug);
      cart.hydrate(undefined);
      expect(cart.getSnapshot()).toMatchObject({ id: 'cart-1', version: 1, count: 1 });
      expect(onChange).toHaveBeenCalledTimes(1);
    });

    it('ignores a saved cart in another currency', () => {
      const { cart } = setup({ hydrated: false });
      cart.hydrate({ ...savedCart([{ id: 'mug', name: 'Mug', price: 10, quantity: 1 }]), currency: 'EUR' });
      expect(cart.getSnapshot()).toMatchObject({ id: 'cart-1', version: 0, items: [] });
    });

    it('calls onChange directly for changes after it', () => {
      const { cart, onChange } = setup({ hydrated: false });
      cart.hydrate(savedCart([]));
      cart.add(mug);
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(onChange.mock.calls[0]![0]).toMatchObject({ id: 'saved', version: 6 });
    });
  });

  describe('adopt', () => {
    it("adopts another tab's cart and notifies \"remote\"", () => {
      const { cart, onChange } = setup();
      const listener = vi.fn();
      cart.subscribe(listener);
      const remote: CartState = {
        id: 'cart-1',
        version: 3,
        items: [{ id: 'tee', name: 'Tee', price: 20, quantity: 2 }],
        currency: 'USD',
        updatedAt: 2000,
      };
      cart.adopt(remote);
      expect(cart.getSnapshot()).toMatchObject({ version: 3, value: 40, count: 2 });
      expect(listener).toHaveBeenCalledWith(expect.objectContaining({ version: 3, count: 2 }), 'remote');
      expect(onChange).not.toHaveBeenCalled();
    });

    it('ignores remote carts before hydrate and in another currency', () => {
      const early = setup({ hydrated: false }).cart;
      early.adopt({ id: 'x', version: 1, items: [], currency: 'USD', updatedAt: 9999 });
      expect(early.getSnapshot().id).toBe('cart-1');

      const { cart } = setup();
      cart.adopt({ id: 'x', version: 1, items: [], currency: 'EUR', updatedAt: 9999 });
      expect(cart.getSnapshot().id).toBe('cart-1');
    });
  });

  describe('reset', () => {
    it('starts a new empty cart with a new id and version 0', () => {
      const { cart, onChange } = setup();
      const listener = vi.fn();
      cart.add(mug);
      cart.subscribe(listener);
      cart.reset();
      expect(cart.getSnapshot()).toEqual({ id: 'cart-2', version: 0, items: [], currency: 'USD', value: 0, count: 0 });
      expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'cart-2', version: 0, items: [] }));
      expect(listener).toHaveBeenCalledWith(expect.objectContaining({ id: 'cart-2', count: 0 }), 'local');
    });
  });
});
