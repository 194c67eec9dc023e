import type { Cartback } from './createCartback.js';
import type { CartItemInput } from './types.js';

/** A debug line from an adapter: shown with `debug: true`, silent otherwise. */
export function adapterDebug(cartback: Cartback, adapter: string, message: string): void {
  const { config, platform } = cartback.core;
  if (config.debug) platform.console.info(`[cartback] ${adapter}: ${message}`);
}

/**
 * Makes cartback's cart the platform's: `items` replace it, under the platform's cart `id` if it
 * has one. Every item is checked first, so a malformed platform cart changes nothing and
 * is reported as a debug line; the same cart again changes nothing (no new version, no event).
 */
export function syncCart(cartback: Cartback, adapter: string, items: CartItemInput[], id?: string): void {
  const { cart, config, platform, validateItem } = cartback.core;
  let next;
  try {
    next = items.map((item) => validateItem(item, adapter)).filter((item) => item.quantity);
  } catch (error) {
    // The message already reads "[cartback] <adapter>: item.price must be ...".
    if (config.debug) platform.console.info(`${(error as Error).message} The cart was ignored.`);
    return;
  }
  // The platform's cart id (Shopify's token) names a new cart: it starts at version 0.
  if (id && id != cart.getState().id) cart.reset(id);
  if (JSON.stringify(next) != JSON.stringify(cart.getState().items)) cart.set(next);
}
