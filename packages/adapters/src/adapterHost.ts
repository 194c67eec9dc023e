import type { CartItem, CartState, Cartback, Order } from '@cartback/core';
import { wordError } from '@cartback/core/diagnostics';

/** What a platform adapter may do with cartback, and nothing more. */
export interface AdapterHost {
  /** The cart's currency: a platform cart in another one is ignored. */
  currency: string;
  /** A debug line, shown with `debug: true` only. */
  debug(message: string): void;
  /** Checks a platform's item as `cart.add` does; throws a CartbackError naming the field. */
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
  return {
    currency: config.currency,
    debug: (message) => config.debug && core.platform.console.info(`[cartback] ${message}`),
    // Worded here: an adapter reports a platform's bad item as a debug line, at once.
    validateItem(item, call) {
      try {
        return core.validateItem(item, call);
      } catch (error) {
        throw wordError(error);
      }
    },
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
