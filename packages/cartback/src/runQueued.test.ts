import type { CartbackApi } from '@cartback/core';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { runQueued } from './runQueued.js';

/** An API stand-in whose methods record their name, arguments and `this`. */
function fakeApi() {
  const calls: Array<{ method: string; args: unknown[]; self: unknown }> = [];
  const record = (method: string) =>
    vi.fn(function (this: unknown, ...args: unknown[]) {
      calls.push({ method, args, self: this });
      return true;
    });
  const api = {
    cart: { add: record('cart.add'), remove: record('cart.remove'), items: [] },
    identify: record('identify'),
    purchase: record('purchase'),
    ready: undefined as unknown as Promise<CartbackApi>,
  };
  const typed = api as unknown as CartbackApi;
  api.ready = Promise.resolve(typed);
  return { api, typed, calls };
}

let consoleError: MockInstance<typeof console.error>;

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  consoleError.mockRestore();
});

describe('runQueued', () => {
  it('calls methods by dotted path, in order, with their arguments and `this`', () => {
    const { api, typed, calls } = fakeApi();
    const item = { id: 'mug', name: 'Mug', price: 12.5 };
    runQueued(typed, ['cart.add', item]);
    runQueued(typed, ['identify', { email: 'ada@example.com' }]);
    runQueued(typed, ['cart.remove', 'mug', 'red']);
    runQueued(typed, ['purchase', { orderId: 'A1' }]);

    expect(calls).toEqual([
      { method: 'cart.add', args: [item], self: api.cart },
      { method: 'identify', args: [{ email: 'ada@example.com' }], self: api },
      { method: 'cart.remove', args: ['mug', 'red'], self: api.cart },
      { method: 'purchase', args: [{ orderId: 'A1' }], self: api },
    ]);
    expect(calls[0]!.self).toBe(api.cart);
    expect(calls[1]!.self).toBe(api);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown method', ['cart.nope', 1], '["cart.nope",1]'],
    ['an unknown top-level method', ['track', 'x'], '["track","x"]'],
    ['a property that is not a method', ['cart.items'], '["cart.items"]'],
    ['an inherited name', ['toString'], '["toString"]'],
    ['a path through a missing object', ['widget.open'], '["widget.open"]'],
    ['an empty array', [], '[]'],
    ['a non-string method', [42], '[42]'],
    ['a string instead of an array', 'cart.add', '"cart.add"'],
    ['null', null, 'null'],
  ])('reports %s with one console error and does not throw', (_, entry, shown) => {
    const { typed, calls } = fakeApi();
    expect(() => runQueued(typed, entry)).not.toThrow();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalledWith(
      `[cartback] cartback.push: ${shown} names no method; push e.g. ['cart.add', item]`,
    );
    expect(calls).toEqual([]);
  });

  it('keeps running later entries after a bad one', () => {
    const { typed, calls } = fakeApi();
    for (const entry of [['cart.nope'], ['cart.add', { id: 'a' }]]) runQueued(typed, entry);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.method)).toEqual(['cart.add']);
  });

  it('reports a method that throws on the console instead of throwing', () => {
    const { api, typed } = fakeApi();
    api.identify.mockImplementation(() => {
      throw new Error('boom');
    });
    expect(() => runQueued(typed, ['identify', {}])).not.toThrow();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalledWith('boom');
  });

  it('calls a function entry with the API once it is ready, not before', async () => {
    const { typed } = fakeApi();
    const fn = vi.fn();
    runQueued(typed, fn);
    expect(fn).not.toHaveBeenCalled();
    await typed.ready;
    await Promise.resolve();
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith(typed);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('reports a function entry that throws on the console, not as an unhandled rejection', async () => {
    const { typed } = fakeApi();
    runQueued(typed, () => {
      throw new Error('theme bug');
    });
    await typed.ready;
    await new Promise((r) => setTimeout(r, 0));
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalledWith(expect.objectContaining({ message: 'theme bug' }));
  });

  it('waits for a slow ready before calling a function entry', async () => {
    const { api, typed } = fakeApi();
    let resolve!: (api: CartbackApi) => void;
    api.ready = new Promise((r) => (resolve = r));
    const fn = vi.fn();
    runQueued(typed, fn);
    await new Promise((r) => setTimeout(r, 0));
    expect(fn).not.toHaveBeenCalled();
    resolve(typed);
    await api.ready;
    await Promise.resolve();
    expect(fn).toHaveBeenCalledWith(typed);
  });
});
