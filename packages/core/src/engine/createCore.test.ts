import { afterEach, describe, expect, it, vi } from 'vitest';
import { CartbackError } from './CartbackError.js';
import { openEngine } from '../testing/openEngine.js';
import { startTabSync } from '../idle/startTabSync.js';
import { createEngine } from './createEngine.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import { uuid } from './uuid.js';
import type { CartState, KeyValueStorage, Platform, TabChannel } from '../types.js';
import { checkConfig } from '../config/checkConfig.js';

// createCore is reached through createCartback, the way every user reaches it.

const T0 = 1_700_000_000_000;
const item = { id: 'mug', name: 'Mug', price: 12.5 };

/** Storage whose calls are spies, over `base` (memory by default). */
function spyStorage(base: KeyValueStorage = memoryStorage()) {
  const storage = {
    get: vi.fn((key: string) => base.get(key)),
    set: vi.fn((key: string, value: unknown) => base.set(key, value)),
    del: vi.fn((key: string) => base.del(key)),
    entries: vi.fn(() => base.entries()),
  };
  return {
    storage,
    base,
    setsOf: (key: string) => storage.set.mock.calls.filter(([k]) => k === key).length,
  };
}

/** A BroadcastChannel stand-in: records what is posted, and delivers what the test sends. */
function fakeChannel() {
  const listeners: Array<(event: { data: unknown }) => void> = [];
  const channel = {
    postMessage: vi.fn<(message: unknown) => void>(),
    addEventListener: vi.fn((_: 'message', fn: (event: { data: unknown }) => void) => void listeners.push(fn)),
    close: vi.fn(),
  } satisfies TabChannel;
  return { channel, deliver: (data: unknown) => listeners.forEach((fn) => fn({ data })) };
}

const created: Array<{ destroy(): void }> = [];

afterEach(() => {
  created.splice(0).forEach((api) => api.destroy());
  vi.useRealTimers();
});

function setup({ storage = memoryStorage(), config = {} as object } = {}) {
  let n = 0;
  let time = T0;
  const spied = spyStorage(storage);
  const { channel, deliver } = fakeChannel();
  const platform = {
    storage: spied.storage,
    openChannel: vi.fn((_name: string) => channel),
    now: () => time,
    uuid: vi.fn(() => `uuid-${++n}`),
    console: { warn: vi.fn(), error: vi.fn(), info: vi.fn() },
  } satisfies Platform;
  const resolved = checkConfig(config).config!;
  const api = openEngine(createEngine(resolved, platform));
  void api.ready.then(() => startTabSync(api.core.tabSync)); // as the idle file does, once the cart is loaded
  created.push(api);
  const errors = vi.fn();
  api.on('error', errors);
  return {
    api,
    platform,
    errors,
    channel,
    deliver,
    ...spied,
    advance(ms: number) {
      time += ms;
    },
  };
}

function savedCart(items: unknown[], version = 3): { v: 1; cart: CartState } {
  return {
    v: 1,
    cart: { id: 'saved-cart', version, items: items as CartState['items'], currency: 'USD', updatedAt: T0 - 60_000 },
  };
}

describe('createCore: persistence', () => {
  it('keeps 1,000 adds made before ready and stores them in a handful of writes', async () => {
    const { api, setsOf, base } = setup();
    for (let i = 0; i < 1000; i++) expect(api.cart.add(item)).toBe(true);
    await api.ready;
    await api.core.flush();

    expect(api.cart.items).toEqual([{ id: 'mug', name: 'Mug', price: 12.5, quantity: 1000 }]);
    expect(api.cart.value).toBe(12_500);
    expect(setsOf('cart')).toBeGreaterThanOrEqual(1);
    expect(setsOf('cart')).toBeLessThanOrEqual(2);
    expect(await base.get('cart')).toMatchObject({ v: 1, cart: { id: api.cart.id, items: [{ id: 'mug', quantity: 1000 }] } });
  });

  it('stores 1,000 adds made after ready in a handful of writes', async () => {
    const { api, setsOf, base } = setup();
    await api.ready;
    const before = setsOf('cart');
    for (let i = 0; i < 1000; i++) api.cart.add(item);
    await api.core.flush();

    expect(api.cart.count).toBe(1000);
    expect(setsOf('cart') - before).toBeGreaterThanOrEqual(1);
    expect(setsOf('cart') - before).toBeLessThanOrEqual(2);
    expect(await base.get('cart')).toMatchObject({ v: 1, cart: { items: [{ quantity: 1000 }], version: 1000 } });
  });

  it('restores the saved cart', async () => {
    const storage = memoryStorage();
    await storage.set('cart', savedCart([{ id: 'tee', name: 'Tee', price: 20, quantity: 2 }]));
    const { api, platform } = setup({ storage });
    await api.ready;
    expect(api.cart.id).toBe('saved-cart');
    expect(api.cart.items).toEqual([{ id: 'tee', name: 'Tee', price: 20, quantity: 2 }]);
    expect(api.cart.value).toBe(40);
    expect(platform.console.warn).not.toHaveBeenCalled();
  });

  it('replays an add made before ready on top of the saved cart', async () => {
    const storage = memoryStorage();
    await storage.set('cart', savedCart([{ ...item, quantity: 1 }], 3));
    const { api } = setup({ storage });
    api.cart.add(item);
    await api.ready;
    await api.core.flush();

    expect(api.cart.items).toEqual([{ ...item, quantity: 2 }]);
    expect(api.core.cart.getState()).toMatchObject({ id: 'saved-cart', version: 4 });
    expect(await storage.get('cart')).toMatchObject({ cart: { id: 'saved-cart', version: 4, items: [{ quantity: 2 }] } });
  });

  it('resolves ready with the public API', async () => {
    const engine = createEngine(checkConfig({}).config!, { storage: memoryStorage(), now: Date.now, uuid, console });
    await expect(engine.api.ready).resolves.toBe(engine.api);
    expect(Object.keys(engine.api).sort()).toEqual(
      ['cart', 'checkoutStarted', 'consent', 'destroy', 'flush', 'identify', 'on', 'purchase', 'ready'].sort(),
    );
    engine.api.destroy();
  });
});

describe('createCore: a corrupt stored cart', () => {
  it.each([
    ['items that are not a list', { v: 1, cart: { id: 'x', items: 'nope' } }],
    ['a string', 'garbage'],
    ['an item with a bad price', savedCart([{ id: 'a', name: 'A', price: -1, quantity: 1 }])],
  ])('is discarded with one warning when it has %s', async (_, stored) => {
    const storage = memoryStorage();
    await storage.set('cart', stored);
    const { api, platform, errors, storage: spied } = setup({ storage });
    await api.ready;

    expect(platform.console.warn).toHaveBeenCalledTimes(1);
    const warning = String(platform.console.warn.mock.calls[0]![0]);
    expect(warning).toContain('[cartback]');
    expect(warning).toContain('stored "cart"');
    expect(warning).toContain('It was discarded');
    expect(errors).toHaveBeenCalledTimes(1);
    expect((errors.mock.calls[0]![0] as CartbackError).code).toBe('corrupt_record');
    expect(platform.console.error).not.toHaveBeenCalled();

    expect(spied.del).toHaveBeenCalledWith('cart');
    expect(await storage.get('cart')).toBeUndefined();

    expect(api.cart.add(item)).toBe(true);
    await api.core.flush();
    expect(api.cart.items).toEqual([{ ...item, quantity: 1 }]);
    expect(await storage.get('cart')).toMatchObject({ v: 1, cart: { items: [{ id: 'mug', quantity: 1 }] } });
    expect(platform.console.warn).toHaveBeenCalledTimes(1);
  });
});

describe('createCore: unavailable storage', () => {
  const rejecting = (): KeyValueStorage => {
    const fail = () => Promise.reject(new Error('InvalidStateError'));
    return { get: fail, set: fail, del: fail, entries: fail };
  };

  it('keeps the cart in memory, warns once and reports storage_unavailable', async () => {
    const { api, platform, errors } = setup({ storage: rejecting() });
    api.cart.add(item);
    await api.ready;
    api.cart.add(item);
    await api.core.flush();

    expect(api.cart.count).toBe(2);
    expect(platform.console.warn).toHaveBeenCalledTimes(1);
    expect(platform.console.warn).toHaveBeenCalledWith(
      '[cartback] IndexedDB is unavailable ("Error: InvalidStateError"); the cart is kept in memory.',
    );
    expect(errors).toHaveBeenCalledTimes(1);
    const error = errors.mock.calls[0]![0];
    expect(error).toBeInstanceOf(CartbackError);
    expect((error as CartbackError).code).toBe('storage_unavailable');
    expect(platform.console.error).not.toHaveBeenCalled();
  });

  it('gives up on a storage whose first call never answers after 3 seconds', async () => {
    vi.useFakeTimers();
    const never = () => new Promise<never>(() => {});
    const hanging: KeyValueStorage = { get: never, set: never, del: never, entries: never };
    const { api, platform, errors } = setup({ storage: hanging });
    let ready = false;
    void api.ready.then(() => (ready = true));
    api.cart.add(item);

    await vi.advanceTimersByTimeAsync(2999);
    expect(ready).toBe(false);
    expect(platform.console.warn).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    await api.ready;
    await api.core.flush();
    expect(ready).toBe(true);
    expect(api.cart.items).toEqual([{ ...item, quantity: 1 }]);
    expect(platform.console.warn).toHaveBeenCalledTimes(1);
    expect(platform.console.warn).toHaveBeenCalledWith(
      '[cartback] IndexedDB is unavailable ("Error: no answer in 3000 ms"); the cart is kept in memory.',
    );
    expect((errors.mock.calls[0]![0] as CartbackError).code).toBe('storage_unavailable');
  });
});

describe('createCore: tabs', () => {
  it('tells the other tabs about a local change', async () => {
    const { api, platform, channel } = setup();
    await api.ready;
    api.cart.add(item);
    await api.core.flush();
    expect(platform.openChannel).toHaveBeenCalledWith('cartback');
    expect(channel.postMessage).toHaveBeenLastCalledWith({ type: 'cart', cart: api.core.cart.getState() });
    expect(channel.postMessage.mock.lastCall![0]).toMatchObject({ cart: { items: [{ id: 'mug', quantity: 1 }] } });
  });

  it('adopts a newer cart from another tab without writing it again', async () => {
    const { api, deliver, setsOf } = setup();
    await api.ready;
    await api.core.flush();
    const listener = vi.fn();
    api.cart.subscribe(listener);
    const writes = setsOf('cart');

    const remote: CartState = {
      id: api.cart.id,
      version: 2,
      items: [{ id: 'tee', name: 'Tee', price: 20, quantity: 2 }],
      currency: 'USD',
      updatedAt: T0 + 1000,
    };
    deliver({ type: 'cart', cart: remote });
    await api.core.flush();

    expect(api.cart.items).toEqual(remote.items);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ count: 2, value: 40 }), 'remote');
    expect(setsOf('cart')).toBe(writes);
  });

  it('ignores messages that are not carts', async () => {
    const { api, deliver } = setup();
    await api.ready;
    deliver(null);
    deliver('hello');
    deliver({ type: 'other', cart: {} });
    expect(api.cart.items).toEqual([]);
  });

  it.each([
    ['no items', { id: 'c', version: 2, currency: 'USD', updatedAt: T0 + 1000 }],
    ['an item without a price', { id: 'c', version: 2, items: [{ id: 'tee', name: 'Tee', quantity: 1 }], currency: 'USD', updatedAt: T0 + 1000 }],
    ['a string updatedAt', { id: 'c', version: 2, items: [], currency: 'USD', updatedAt: '2026-01-01' }],
    ['no cart at all', undefined],
  ])('drops a cart from another tab with %s and reports corrupt_record, once', async (_, cart) => {
    const { api, deliver, errors, platform } = setup();
    await api.ready;
    api.cart.add(item);
    deliver({ type: 'cart', cart });
    deliver({ type: 'cart', cart });

    expect(api.cart.items).toEqual([expect.objectContaining({ id: 'mug' })]);
    expect(errors).toHaveBeenCalledTimes(2);
    expect(errors.mock.calls[0]![0]).toMatchObject({
      code: 'corrupt_record',
      message: expect.stringMatching(/^\[cartback\] another tab sent a malformed cart \(got .*\)\. It was ignored/),
    });
    expect(platform.console.warn).toHaveBeenCalledTimes(1);
    expect(api.cart.add({ id: 'tee', name: 'Tee', price: 20 })).toBe(true);
  });

  it('catches up from storage when the page is restored from the back/forward cache, where it heard nothing', async () => {
    const win = Object.assign(new EventTarget(), { document: new EventTarget(), location: { search: '' } }) as unknown as Window;
    const storage = memoryStorage();
    const { channel } = fakeChannel();
    const platform = {
      storage,
      window: win,
      openChannel: () => channel,
      now: () => T0,
      uuid: () => 'uuid-1',
      console: { warn: vi.fn(), error: vi.fn(), info: vi.fn() },
    } satisfies Platform;
    const api = openEngine(createEngine(checkConfig({}).config!, platform));
    void api.ready.then(() => startTabSync(api.core.tabSync)); // as the idle file does, once the cart is loaded
    created.push(api);
    await api.ready;
    win.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }));
    expect(channel.close).toHaveBeenCalled();
    // Meanwhile another page of the store changed the cart and stored it.
    const saved = savedCart([{ id: 'tee', name: 'Tee', price: 20, quantity: 1 }]);
    await storage.set('cart', { ...saved, cart: { ...saved.cart, updatedAt: T0 + 1000 } });
    const listener = vi.fn();
    api.cart.subscribe(listener);

    win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await vi.waitFor(() => expect(api.cart.items).toEqual([{ id: 'tee', name: 'Tee', price: 20, quantity: 1 }]));
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ count: 1 }), 'remote');
  });

  it('closes the channel on destroy and stops emitting errors', async () => {
    const { api, channel, errors } = setup();
    await api.ready;
    api.destroy();
    expect(channel.close).toHaveBeenCalledTimes(1);
    // @ts-expect-error an item without a name or price: checked at run time too
    api.cart.add({ id: '' });
    expect(errors).not.toHaveBeenCalled();
  });
});
