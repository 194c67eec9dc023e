import { afterEach, describe, expect, it, vi } from 'vitest';
import { CartbackError } from './CartbackError.js';
import { openEngine } from '../testing/openEngine.js';
import { createEngine } from './createEngine.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import type { Platform } from '../types.js';
import { checkConfig } from '../config/checkConfig.js';

const T0 = 1_700_000_000_000;
const mug = { id: 'mug', name: 'Mug', price: 12.5 };

const created: Array<{ destroy(): void }> = [];

afterEach(() => {
  created.splice(0).forEach((api) => api.destroy());
});

function setup(storage = memoryStorage(), config: object = {}) {
  let n = 0;
  const platform = {
    storage,
    now: () => T0,
    uuid: vi.fn(() => `uuid-${++n}`),
    console: { warn: vi.fn(), error: vi.fn(), info: vi.fn() },
  } satisfies Platform;
  const api = openEngine(createEngine(checkConfig(config).config!, platform));
  const errors = vi.fn();
  api.on('error', errors);
  created.push(api);
  const uuids = () => platform.uuid.mock.results.map((r) => r.value as string);
  return { api, platform, errors, storage, uuids };
}

async function visitorOf(api: ReturnType<typeof setup>['api']) {
  return (await api.tracking())!.visitor;
}

/** Waits until the tracking chunk has handled every call so far and storage has it. */
async function settle(api: ReturnType<typeof setup>['api']) {
  await api.flush();
  await api.core.flush();
}

describe('createEngine', () => {
  describe('cart', () => {
    it('reads the cart through getters', async () => {
      const { api } = setup(memoryStorage(), { currency: 'EUR' });
      await api.ready;
      api.cart.add({ ...mug, quantity: 2 });
      api.cart.add({ id: 7, name: 'Spoon', price: 1.05 });
      expect(api.cart.items).toEqual([
        { id: 'mug', name: 'Mug', price: 12.5, quantity: 2 },
        { id: '7', name: 'Spoon', price: 1.05, quantity: 1 },
      ]);
      expect(api.cart.value).toBe(26.05);
      expect(api.cart.count).toBe(3);
      expect(api.cart.currency).toBe('EUR');
      expect(api.cart.id).toBe(api.core.cart.getState().id);
    });

    it('reports an invalid add with one console error and on("error"), without throwing', async () => {
      const { api, platform, errors } = setup();
      await api.ready;
      // @ts-expect-error a price as text does not compile; a plain script is checked at run time
      expect(api.cart.add({ ...mug, price: '12.50' })).toBe(false);

      // Announced once the lazy diagnostics file has worded it.
      await vi.waitFor(() => expect(platform.console.error).toHaveBeenCalledTimes(1));
      expect(platform.console.error).toHaveBeenCalledWith(
        `[cartback] cart.add: item.price must be a finite number >= 0, e.g. 19.99 (got "12.50").`,
      );
      expect(errors).toHaveBeenCalledTimes(1);
      expect(errors.mock.calls[0]![0]).toBeInstanceOf(CartbackError);
      expect((errors.mock.calls[0]![0] as CartbackError).code).toBe('invalid_item_price');
      expect(platform.console.warn).not.toHaveBeenCalled();
      expect(api.cart.items).toEqual([]);
    });

    it('reports every invalid call, not just the first', async () => {
      const { api, platform, errors } = setup();
      await api.ready;
      // @ts-expect-error not an item
      api.cart.add(null);
      // @ts-expect-error not an item
      api.cart.add(null);
      // @ts-expect-error not a patch
      api.cart.update('mug', 'two');
      await vi.waitFor(() => expect(platform.console.error).toHaveBeenCalledTimes(3));
      expect(errors).toHaveBeenCalledTimes(3);
    });

    it('keeps reporting when an error listener throws', async () => {
      const { api, platform } = setup();
      await api.ready;
      const bug = new Error('listener bug');
      api.on('error', () => {
        throw bug;
      });
      // @ts-expect-error not an item
      expect(api.cart.add(null)).toBe(false);
      await vi.waitFor(() => expect(platform.console.error).toHaveBeenCalledWith(bug));
      expect(platform.console.error).toHaveBeenCalledWith(expect.stringContaining('[cartback] cart.add: an item must be'));
    });
  });

  describe('purchase', () => {
    it('empties the cart and starts a new one with a new id', async () => {
      const { api, storage, uuids } = setup();
      await api.ready;
      api.cart.add(mug);
      const before = api.cart.id;

      expect(api.purchase({ orderId: 'A1' })).toBe(true);

      expect(api.cart.items).toEqual([]);
      expect(api.cart.count).toBe(0);
      expect(api.cart.id).not.toBe(before);
      expect(uuids()).toContain(api.cart.id);
      expect(api.core.cart.getState().version).toBe(0);
      await api.core.flush();
      expect(await storage.get('cart')).toMatchObject({ v: 1, cart: { id: api.cart.id, version: 0, items: [] } });
    });

    it('accepts a numeric order id', async () => {
      const { api } = setup();
      await api.ready;
      api.cart.add(mug);
      expect(api.purchase({ orderId: 1001 })).toBe(true);
      expect(api.cart.count).toBe(0);
    });

    it.each([
      ['no order id', {}, 'undefined'],
      ['an empty order id', { orderId: '' }, '""'],
      ['a NaN order id', { orderId: Number.NaN }, 'NaN'],
      ['no order at all', undefined, 'undefined'],
    ])('returns false with one console error for %s, keeping the cart', async (_, order, shown) => {
      const { api, platform, errors } = setup();
      await api.ready;
      api.cart.add(mug);
      const id = api.cart.id;

      expect(api.purchase(order as never)).toBe(false);

      // Worded by the lazy diagnostics file.
      await vi.waitFor(() => expect(platform.console.error).toHaveBeenCalledTimes(1));
      expect(platform.console.error).toHaveBeenCalledWith(
        `[cartback] purchase: order.orderId must be a non-empty string or number, in an order of plain data (got ${shown}).`,
      );
      expect((errors.mock.calls[0]![0] as CartbackError).code).toBe('invalid_order');
      expect(api.cart.id).toBe(id);
      expect(api.cart.count).toBe(1);
    });

    it('empties a saved cart when called before the saved cart is loaded', async () => {
      // A thank-you page typically calls purchase at once (or from the script-tag queue),
      // before IndexedDB has answered. The bought cart must not come back.
      const storage = memoryStorage();
      await storage.set('cart', {
        v: 1,
        cart: { id: 'bought', version: 2, items: [{ ...mug, quantity: 1 }], currency: 'USD', updatedAt: T0 - 1000 },
      });
      const { api } = setup(storage);
      expect(api.purchase({ orderId: 'A1' })).toBe(true);
      await api.ready;
      await api.core.flush();

      expect(api.cart.items).toEqual([]);
      expect(api.cart.id).not.toBe('bought');
      expect(await storage.get('cart')).toMatchObject({ cart: { items: [] } });
      // The order is about the cart that was bought, not the empty one there was before loading.
      await api.flush();
      const [order] = (await storage.entries()).filter(([key]) => key.startsWith('event:')).map(([, event]) => event as { type: string; cart: { id: string; count: number } });
      expect(order).toMatchObject({ type: 'order_completed', cart: { id: 'bought', count: 1 } });
    });
  });

  describe('identify', () => {
    it('stores the traits and the customer id', async () => {
      const { api, storage } = setup();
      await api.ready;
      api.identify({ email: 'ada@example.com', customerId: '42', firstName: 'Ada' });
      await settle(api);
      const identity = (await visitorOf(api)).getIdentity();
      expect(identity).toMatchObject({
        v: 1,
        userId: '42',
        traits: { email: 'ada@example.com', customerId: '42', firstName: 'Ada' },
      });
      expect(await storage.get('identity')).toEqual(identity);
    });

    it('merges traits across calls and keeps the anonymous id', async () => {
      const { api } = setup();
      await api.ready;
      const anonymousId = (await visitorOf(api)).getIdentity().anonymousId;
      api.identify({ email: 'ada@example.com' });
      api.identify({ firstName: 'Ada' });
      await settle(api);
      expect((await visitorOf(api)).getIdentity()).toEqual({
        v: 1,
        anonymousId,
        userId: undefined,
        traits: { email: 'ada@example.com', firstName: 'Ada' },
      });
    });

    it.each([
      ['a bad email', { email: 'bad' }, '{"email":"bad"}'],
      ['an email with a space', { email: 'ada @example.com' }, '{"email":"ada @example.com"}'],
      ['no object', 'ada@example.com', '"ada@example.com"'],
      ['null', null, 'null'],
    ])('reports %s with one console error, and keeps nothing', async (_, traits, shown) => {
      const { api, platform, errors } = setup();
      await api.ready;
      const before = (await visitorOf(api)).getIdentity();

      api.identify(traits as never);
      await settle(api);

      expect(platform.console.error).toHaveBeenCalledTimes(1);
      expect(platform.console.error).toHaveBeenCalledWith(
        `[cartback] identify: traits must be an object with a valid email if any (got ${shown}). Pass e.g. { email: "ada@example.com" }`,
      );
      expect((errors.mock.calls[0]![0] as CartbackError).code).toBe('invalid_traits');
      expect((await visitorOf(api)).getIdentity()).toBe(before);
    });

    it('keeps traits given before the saved identity is loaded', async () => {
      const storage = memoryStorage();
      await storage.set('identity', { v: 1, anonymousId: 'anon-saved' });
      const { api } = setup(storage);
      api.identify({ email: 'ada@example.com' });
      await api.ready;
      await settle(api);

      expect((await visitorOf(api)).getIdentity()).toMatchObject({ anonymousId: 'anon-saved', traits: { email: 'ada@example.com' } });
      expect(await storage.get('identity')).toMatchObject({ anonymousId: 'anon-saved', traits: { email: 'ada@example.com' } });
    });
  });
});
