import { CartbackError, describeValue } from '../engine/CartbackError.js';
import { memoryStorage } from './memoryStorage.js';
import type { KeyValueStorage } from '../types.js';

/** How long the first storage calls may take before a blocked IndexedDB counts as broken. */
const FIRST_CALL_TIMEOUT = 3000;

/**
 * Wraps a storage so that it keeps working: on its first failure of the storage itself (or,
 * until one call has answered, a call that hangs, as a blocked IndexedDB open does) it reports
 * `storage_unavailable` once and the page carries on with memory storage. A value the storage
 * refuses rejects that one call, reported `unstorable_value`; nothing else changes.
 */
export function fallbackStorage(primary: KeyValueStorage, report: (error: CartbackError) => void): KeyValueStorage {
  const memory = memoryStorage();
  let active = primary;
  let proven = false;

  const call = <T,>(fn: (s: KeyValueStorage) => Promise<T>, key?: string): Promise<T> => {
    if (active == memory) return fn(memory);
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      fn(primary),
      ...(proven ? [] : [new Promise<never>((_, reject) => (timer = setTimeout(reject, FIRST_CALL_TIMEOUT, Error(`no answer in ${FIRST_CALL_TIMEOUT} ms`))))]),
    ])
      .then(
        (result) => ((proven = true), result as T),
        (error) => {
          const why = describeValue(String(error));
          // IndexedDB refusing one value (DataCloneError: it cannot be cloned; DataError: not a
          // valid key) fails that call only: the storage is fine for the next.
          if (/^Data/.test((error as Error | null)?.name!)) {
            const refused = new CartbackError('unstorable_value', `IndexedDB refused "${key}" (${why}). Pass plain data only`);
            report(refused);
            throw refused;
          }
          if (active != memory) report(new CartbackError('storage_unavailable', `IndexedDB is unavailable (${why}); the cart is kept in memory.`));
          active = memory;
          return fn(memory);
        },
      )
      .finally(() => clearTimeout(timer));
  };

  return {
    get: (key) => call((s) => s.get(key), key),
    set: (key, value) => call((s) => s.set(key, value), key),
    del: (key) => call((s) => s.del(key), key),
    entries: () => call((s) => s.entries()),
  };
}
