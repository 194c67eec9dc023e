import type { Page } from 'playwright-core';
import type { CartItem, TestWindow } from './cartbackPage';

/** An event the SDK emitted in the page, reduced to what the tests compare. */
export interface EmittedEvent {
  id: string;
  type: string;
  version?: number;
  count?: number;
}
type EmittingWindow = TestWindow & { __emitted: EmittedEvent[] };

/** Three lines, 7 units, 91.90 EUR: the cart the delivery tests leave with. */
export const threeItems: CartItem[] = [
  { id: 'beans', name: 'House beans', price: 14.5, quantity: 2, currency: 'EUR' },
  { id: 'kettle', name: 'Gooseneck kettle', price: 49.9, quantity: 1, currency: 'EUR' },
  { id: 'filters', name: 'Paper filters', price: 3.25, quantity: 4, currency: 'EUR' },
];

export function addItems(page: Page, items: CartItem[]): Promise<void> {
  return page.evaluate((list) => {
    for (const item of list) (window as TestWindow).cartback.cart.add(item);
  }, items);
}

/** Starts recording the events the SDK emits in the page (`cartback.on`), sent or not. */
export function recordEmitted(page: Page, types = ['cart_updated', 'cart_abandoned', 'checkout_started']): Promise<void> {
  return page.evaluate((list) => {
    const w = window as EmittingWindow;
    w.__emitted = [];
    for (const type of list) {
      w.cartback.on(type, (event) => {
        const { id, cart } = event as { id: string; cart?: { version: number; count: number } };
        w.__emitted.push({ id, type, version: cart?.version, count: cart?.count });
      });
    }
  }, types);
}

export function getEmitted(page: Page): Promise<EmittedEvent[]> {
  return page.evaluate(() => (window as EmittingWindow).__emitted);
}

/** Waits for the `count`-th emitted event of `type` and returns the ids of all of that type. */
export async function waitForEmitted(page: Page, type: string, count = 1): Promise<string[]> {
  const handle = await page.waitForFunction(
    ({ type, count }) => {
      const ids = (window as EmittingWindow).__emitted.filter((e) => e.type === type).map((e) => e.id);
      return ids.length >= count && ids;
    },
    { type, count },
    { timeout: 10_000 },
  );
  return (await handle.jsonValue()) as string[];
}

/**
 * Every key of object store `kv` in database `cartback`, read the way the SDK stores them.
 * Never creates the database: when it does not exist the upgrade is aborted and [] returned.
 */
export function readIdbKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('cartback');
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = (event) => {
          event.preventDefault();
          resolve([]);
        };
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('kv')) {
            db.close();
            return resolve([]);
          }
          const keys = db.transaction('kv', 'readonly').objectStore('kv').getAllKeys();
          keys.onsuccess = () => {
            db.close();
            resolve(keys.result.map(String));
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

/** A bounded window for asserting that something did NOT happen, when no page is left to wait on. */
export function observeQuietly(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
