import { createStore, del, entries, get, set } from 'idb-keyval';
import type { KeyValueStorage } from './types.js';

/** cartback's own IndexedDB database, never idb-keyval's shared default one. */
export const DB_NAME = 'cartback';
export const STORE_NAME = 'kv';

/** IndexedDB through idb-keyval. Opening is deferred to the first call, which may reject. */
export function idbStorage(): KeyValueStorage {
  let store: ReturnType<typeof createStore> | undefined;
  // createStore opens the database at once, and `indexedDB` itself may throw in private modes.
  const getStore = () => (store ??= createStore(DB_NAME, STORE_NAME));
  return {
    get: async (key) => get(key, getStore()),
    set: async (key, value) => set(key, value, getStore()),
    del: async (key) => del(key, getStore()),
    entries: async () => entries<string, unknown>(getStore()),
  };
}
