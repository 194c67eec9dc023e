import { loadWording, type CartbackError, type CartItem, type CartState, type Cartback, type Order } from '@cartback/core';

/** What a platform adapter may do with cartback, and nothing more. */
export interface AdapterHost {
  /** The cart's currency: a platform cart in another one is ignored. */
  currency: string;
  /** A debug line, shown with `debug: true` only. */
  debug(message: string): void;
  /**
   * A debug line about an error, its message between `before` and `after`. A cart mistake's
   * wording is in the lazy diagnostics file, fetched only with `debug: true`: the line follows.
   */
  debugError(before: string, error: unknown, after?: string): void;
  /** Checks a platform's item as `cart.add` does; throws a CartbackError naming the field (see debugError). */
  validateItem(item: unknown, call: string): CartItem;
  getCart(): CartState;
  /** Adds a line, or raises the quantity of the same one, as `cart.add` does. */
  addItem(item: CartItem): void;
  /** Replaces the cart's lines, as `cart.set` does. */
  setItems(items: CartItem[]): void;
  /** Starts a new, empty cart under the platform's own cart id. */
  resetCart(id: string): void;
  purchase(order: Order): boolean;
  checkoutStarted(): void;
  /** Where the widget's links go when the store's config names no `restoreUrl`. */
  setDefaultRestoreUrl(template: string): void;
  /** Forgets the default restore link (the adapter stops). */
  clearDefaultRestoreUrl(): void;
}

/** A platform adapter captures the store's cart from its platform and returns how to stop. */
export type StartAdapter = (host: AdapterHost, win: Window) => () => void;

/**
 * The adapter's host over the engine. Built in the lazy list of adapters, so it costs
 * cartback.js nothing; calls go through to the engine when made.
 */
export function createAdapterHost({ api, core, platformDefaults }: Cartback): AdapterHost {
  const { config, cart } = core;
  // Debug lines keep their order: while a cart mistake's wording loads, later lines wait for it.
  let queue: Promise<unknown> | undefined;
  const info = (line: () => string, wording?: Promise<unknown>) => {
    const print = () => core.platform.console.info(`[cartback] ${line()}`);
    if (!queue && !wording) return print();
    const next = (queue = Promise.all([queue, wording]).then(print));
    void next.then(() => queue == next && (queue = undefined));
  };
  return {
    currency: config.currency,
    debug: (message) => config.debug && info(() => message),
    debugError(before, error, after = '') {
      if (!config.debug) return;
      const wording = (error as CartbackError).problem ? loadWording(error) : undefined;
      info(() => before + (error as Error).message.replace(/^\[cartback\] /, '') + after, wording);
    },
    validateItem: core.validateItem,
    getCart: cart.getState,
    addItem: (item) => void cart.add(item),
    setItems: (items) => void cart.set(items),
    resetCart: (id) => cart.reset(id),
    purchase: (order) => api.purchase(order),
    checkoutStarted: () => api.checkoutStarted(),
    setDefaultRestoreUrl(template) {
      platformDefaults.restoreUrl = template;
    },
    clearDefaultRestoreUrl() {
      delete platformDefaults.restoreUrl;
    },
  };
}
