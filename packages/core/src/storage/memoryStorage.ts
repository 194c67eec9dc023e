import type { KeyValueStorage } from '../types.js';

/** Storage that lives as long as the page: the fallback, and the store before consent. */
export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, unknown>();
  return {
    get: async (key) => map.get(key),
    set: async (key, value) => void map.set(key, value),
    del: async (key) => void map.delete(key),
    entries: async () => [...map],
  };
}
