import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CartbackError } from '../engine/CartbackError.js';
import { fallbackStorage } from './fallbackStorage.js';
import { memoryStorage } from './memoryStorage.js';
import type { KeyValueStorage } from '../types.js';

/** A storage over memory whose `set` fails with `error` for the values `refuses` picks. */
function failingStorage(error: () => Error, refuses: (value: unknown) => boolean = () => true) {
  const base = memoryStorage();
  const storage: KeyValueStorage = {
    ...base,
    set: vi.fn(async (key: string, value: unknown) => {
      if (refuses(value)) throw error();
      return base.set(key, value);
    }),
  };
  return { storage, base };
}

const dom = (name: string, message = 'failed') => () => new DOMException(message, name);

function setup(primary: KeyValueStorage) {
  const reports: CartbackError[] = [];
  return { storage: fallbackStorage(primary, (e) => reports.push(e)), reports };
}

afterEach(() => void vi.useRealTimers());

describe('fallbackStorage', () => {
  it.each(['DataCloneError', 'DataError'])('rejects one write IndexedDB refuses with %s, reports it, and keeps using IndexedDB', async (name) => {
    const { storage: primary, base } = failingStorage(dom(name, 'function () {} could not be cloned.'), (v) => typeof v == 'function');
    const { storage, reports } = setup(primary);

    await expect(storage.set('event:1', () => {})).rejects.toMatchObject({ code: 'unstorable_value' });
    await storage.set('cart', { v: 1 });

    expect(await base.get('cart')).toEqual({ v: 1 }); // still IndexedDB, not memory
    expect(reports.map((e) => e.code)).toEqual(['unstorable_value']);
    expect(reports[0]!.message).toMatch(new RegExp(`^\\[cartback\\] IndexedDB refused "event:1" \\("${name}: `));
  });

  it.each(['InvalidStateError', 'QuotaExceededError', 'UnknownError'])('moves the page to memory on %s, reporting once', async (name) => {
    const { storage: primary, base } = failingStorage(dom(name));
    const { storage, reports } = setup(primary);

    await storage.set('cart', { v: 1 }); // does not reject: kept in memory
    await storage.set('session', { v: 1 });

    expect(await storage.get('cart')).toEqual({ v: 1 });
    expect(await base.entries()).toEqual([]);
    expect(reports.map((e) => e.code)).toEqual(['storage_unavailable']);
    expect(reports[0]!.message).toContain('the cart is kept in memory');
  });

  it('moves to memory when the first call does not answer in 3 s (a blocked open)', async () => {
    vi.useFakeTimers();
    const hanging: KeyValueStorage = { ...memoryStorage(), get: () => new Promise(() => {}) };
    const { storage, reports } = setup(hanging);
    const answer = storage.get('cart');
    await vi.advanceTimersByTimeAsync(3000);
    await expect(answer).resolves.toBeUndefined();
    expect(reports.map((e) => e.code)).toEqual(['storage_unavailable']);
  });
});
