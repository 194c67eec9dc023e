import type { Page } from 'playwright-core';

export interface IdbWrites {
  count: number;
  /** The key of each write, in order (e.g. ["session", "cart", "cart"]). */
  keys: string[];
}

/**
 * Init script: counts put()/add() calls on object store `kv` of database `cartback`, so a
 * test can see how many IndexedDB writes the SDK really makes. Self-contained: serialised.
 */
export function countIdbWrites(): void {
  const writes: IdbWrites = { count: 0, keys: [] };
  (window as unknown as { __idbWrites: IdbWrites }).__idbWrites = writes;
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'kv' && this.transaction.db.name === 'cartback') {
        writes.count += 1;
        writes.keys.push(key === undefined ? '(inline key)' : String(key));
      }
      return key === undefined ? original.call(this, value) : original.call(this, value, key);
    };
  }
}

export function getIdbWrites(page: Page): Promise<IdbWrites> {
  return page.evaluate(() => (window as unknown as { __idbWrites: IdbWrites }).__idbWrites);
}
