import { memoryStorage } from './memoryStorage';
import type { KeyValueStorage } from './types';

/** How long the first storage call may take before a blocked IndexedDB counts as broken. */
const FIRST_CALL_TIMEOUT = 3000;

/**
 * Wraps a storage so that it never rejects: on its first failure (or a first call that
 * hangs, as a blocked IndexedDB open does) it reports once and the page carries on with
 * memory storage.
 */
export function fallbackStorage(primary: KeyValueStorage, onFail: (error: unknown) => void): KeyValueStorage {
  const memory = memoryStorage();
  let active: KeyValueStorage = primary;
  let proven = false;

  const call = async <T>(fn: (s: KeyValueStorage) => Promise<T>): Promise<T> => {
    if (active === memory) return fn(memory);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const attempt = fn(primary);
      const result = proven
        ? await attempt
        : await Promise.race([
            attempt,
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer in ${FIRST_CALL_TIMEOUT} ms`)), FIRST_CALL_TIMEOUT);
            }),
          ]);
      proven = true;
      return result;
    } catch (error) {
      if (active !== memory) {
        active = memory;
        onFail(error);
      }
      return fn(memory);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    get: (key) => call((s) => s.get(key)),
    set: (key, value) => call((s) => s.set(key, value)),
    del: (key) => call((s) => s.del(key)),
    entries: () => call((s) => s.entries()),
  };
}
