import { createStore, promisifyRequest } from 'idb-keyval';
import type { KeyValueStorage } from '../types.js';

/** cartback's own IndexedDB database and object store. */
export const DB_NAME = 'cartback';
export const STORE_NAME = 'kv';

/**
 * IndexedDB as a key/value store, through idb-keyval's custom store: the database is opened
 * on the first call (`indexedDB` itself may throw in private modes: the async methods turn
 * that into a rejection), and a write resolves once its transaction has committed, so a
 * resolved `set` is on disk.
 */
export function idbStorage(): KeyValueStorage {
  const database = createStore(DB_NAME, STORE_NAME);
  // Reading never creates the database (opening one creates it): where cartback has written
  // nothing yet there is none, a read finds nothing without opening it, and a shopper who
  // never adds anything gets none. Asked with `indexedDB.databases()` until the answer is yes
  // (after a first write, here or in another tab); where a browser lacks it, reads open it.
  let exists = false;
  const hasDatabase = async () => (exists ||= !indexedDB.databases || (await indexedDB.databases()).some((db) => db.name == DB_NAME));
  // Every transaction is committed as soon as its requests are made, rather than once the
  // page has seen the results: a transaction started at pagehide would otherwise stay open
  // while the page sits in the back/forward cache (frozen, it sees nothing), block the next
  // page's transactions, and get the page evicted (Chromium's IgnoreEventAndEvict).
  const run = <T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => T): Promise<T> =>
    database(mode, (store) => {
      const result = use(store);
      store.transaction.commit?.();
      return result;
    });
  return {
    get: async (key) => ((await hasDatabase()) ? run('readonly', (store) => promisifyRequest(store.get(key))) : undefined),
    set: async (key, value) =>
      run('readwrite', (store) => {
        store.put(value, key);
        return promisifyRequest(store.transaction);
      }),
    del: async (key) =>
      run('readwrite', (store) => {
        store.delete(key);
        return promisifyRequest(store.transaction);
      }),
    entries: async () =>
      !(await hasDatabase())
        ? []
        : run('readonly', async (store) => {
            const [keys, values] = await Promise.all([promisifyRequest(store.getAllKeys()), promisifyRequest(store.getAll())]);
            return keys.map((key, i): [string, unknown] => [key as string, values[i]]);
          }),
  };
}
