import { memoryStorage } from './memoryStorage.js';
import type { KeyValueStorage } from './types.js';

/** How long the first storage calls may take before a blocked IndexedDB counts as broken. */
const FIRST_CALL_TIMEOUT = 3000;

/**
 * Wraps a storage so that it never rejects: on its first failure (or, until one call has
 * answered, a call that hangs, as a blocked IndexedDB open does) it reports once and the page
 * carries on with memory storage.
 */
export function fallbackStorage(primary: KeyValueStorage, onFail: (error: unknown) => void): KeyValueStorage {
  const memory = memoryStorage();
  let active = primary;
  let proven = false;

  const call = <T,>(fn: (s: KeyValueStorage) => Promise<T>): Promise<T> => {
    if (active == memory) return fn(memory);
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      fn(primary),
      ...(proven ? [] : [new Promise<never>((_, reject) => (timer = setTimeout(reject, FIRST_CALL_TIMEOUT, Error(`no answer in ${FIRST_CALL_TIMEOUT} ms`))))]),
    ])
      .then(
        (result) => ((proven = true), result as T),
        (error) => {
          if (active != memory) onFail(error);
          active = memory;
          return fn(memory);
        },
      )
      .finally(() => clearTimeout(timer));
  };

  return {
    get: (key) => call((s) => s.get(key)),
    set: (key, value) => call((s) => s.set(key, value)),
    del: (key) => call((s) => s.del(key)),
    entries: () => call((s) => s.entries()),
  };
}
