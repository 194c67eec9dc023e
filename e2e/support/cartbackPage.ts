import type { Page } from 'playwright-core';

// The slice of the public contract (PRODUCT.md) the tests use, typed for page.evaluate.
export interface CartItem {
  id: string;
  name: string;
  price: number;
  quantity: number;
  currency?: string;
  variant?: string;
  url?: string;
  image?: string;
  [field: string]: unknown;
}

export interface CartSnapshot {
  id: string;
  version: number;
  items: CartItem[];
  value: number;
  count: number;
  currency: string;
}

export interface CartbackApi {
  ready: Promise<unknown>;
  cart: {
    add(item: unknown): boolean;
    update(id: string, patch: unknown): boolean;
    remove(id: string): boolean;
    set(items: unknown[]): boolean;
    clear(): boolean;
    subscribe(fn: (snapshot: CartSnapshot) => void): () => void;
    readonly items: CartItem[];
    readonly value: number;
    readonly count: number;
  };
  push(entry: unknown[]): unknown;
  on(type: string, fn: (event: unknown) => void): () => void;
  destroy(): void;
}

/** `window` inside page.evaluate callbacks. */
export type TestWindow = Window & typeof globalThis & { cartback: CartbackApi };

/** The IndexedDB record under key `cart` in database `cartback`, object store `kv`. */
export interface StoredCartRecord {
  v: number;
  cart: { id: string; version: number; items: CartItem[]; currency: string; updatedAt: number | string };
}

/** Waits until /cartback.js has replaced the stub and `cartback.ready` has resolved. */
export async function waitForCartback(page: Page, timeout = 10_000): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        const api = (window as unknown as { cartback?: unknown }).cartback as Partial<CartbackApi> | undefined;
        return !!api && !Array.isArray(api) && typeof api.ready?.then === 'function';
      },
      null,
      { timeout },
    );
  } catch (error) {
    // Fail with what the page holds instead of a bare test timeout (a missing or broken build).
    const found = await page
      .evaluate(() => {
        const api = (window as unknown as { cartback?: unknown }).cartback;
        return Array.isArray(api) ? `the stub array (${api.length} queued)` : typeof api;
      })
      .catch(() => 'unknown');
    throw new Error(`cartback.js did not load on ${page.url()} within ${timeout} ms; window.cartback is ${found}`, {
      cause: error,
    });
  }
  await page.evaluate(() => (window as TestWindow).cartback.ready.then(() => undefined));
}

export function getCart(page: Page): Promise<{ items: CartItem[]; value: number; count: number }> {
  return page.evaluate(() => {
    const { cart } = (window as TestWindow).cartback;
    return { items: cart.items, value: cart.value, count: cart.count };
  });
}

/**
 * Waits until the tracking chunk watches the page. A tab closed in the milliseconds before
 * that reports nothing (a documented limit): tests about leaving start after it.
 */
export function waitForTracking(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { cartback: { flush(): Promise<void> } }).cartback.flush());
}

export function addToCart(page: Page, item: unknown): Promise<boolean> {
  return page.evaluate((entry) => (window as TestWindow).cartback.cart.add(entry), item);
}

/**
 * Reads the persisted cart straight from IndexedDB, the way the next page load will.
 * Never creates the database: if it does not exist yet the upgrade is aborted.
 */
export function readStoredCart(page: Page): Promise<StoredCartRecord | null> {
  return page.evaluate(
    () =>
      new Promise<StoredCartRecord | null>((resolve) => {
        const request = indexedDB.open('cartback');
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = (event) => {
          event.preventDefault();
          resolve(null);
        };
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('kv')) {
            db.close();
            return resolve(null);
          }
          const get = db.transaction('kv', 'readonly').objectStore('kv').get('cart');
          get.onsuccess = () => {
            db.close();
            resolve((get.result as StoredCartRecord | undefined) ?? null);
          };
          get.onerror = (event) => {
            event.preventDefault();
            db.close();
            resolve(null);
          };
        };
      }),
  );
}
