import type { KeyValueStorage } from './types.js';

/** cartback's own IndexedDB database and object store. */
export const DB_NAME = 'cartback';
export const STORE_NAME = 'kv';

/**
 * IndexedDB as a key/value store. The database is opened on the first call (`indexedDB`
 * itself may throw in private modes), and every call resolves only once its transaction
 * has committed, so a resolved `set` is on disk.
 */
export function idbStorage(): KeyValueStorage {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }));
  const run = async (mode: IDBTransactionMode, calls: (store: IDBObjectStore) => IDBRequest[]): Promise<any[]> => {
    const tx = (await open()).transaction(STORE_NAME, mode);
    const requests = calls(tx.objectStore(STORE_NAME));
    // Commit now rather than once the page has seen the results: a transaction started at
    // pagehide would otherwise stay open while the page sits in the back/forward cache
    // (frozen, it sees nothing), block the next page's transactions, and get the page evicted
    // (Chromium's not-restored reason IgnoreEventAndEvict).
    tx.commit?.();
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(requests.map((r) => r.result));
      tx.onabort = tx.onerror = () => reject(tx.error);
    });
  };
  return {
    get: async (key) => (await run('readonly', (s) => [s.get(key)]))[0],
    set: async (key, value) => void (await run('readwrite', (s) => [s.put(value, key)])),
    del: async (key) => void (await run('readwrite', (s) => [s.delete(key)])),
    entries: async () => {
      const [keys, values] = await run('readonly', (s) => [s.getAllKeys(), s.getAll()]);
      return keys.map((key: string, i: number) => [key, values[i]]);
    },
  };
}
