import type { CartItemInput } from '@cartback/core';
import type { AdapterHost } from './adapterHost.js';

/** A debug line from an adapter: shown with `debug: true`, silent otherwise. */
export function adapterDebug(host: AdapterHost, adapter: string, message: string): void {
  host.debug(`${adapter}: ${message}`);
}

/**
 * Makes cartback's cart the platform's: `items` replace it, under the platform's cart `id` if it
 * has one. Every item is checked first, so a malformed platform cart changes nothing and
 * is reported as a debug line; the same cart again changes nothing (no new version, no event).
 */
export function syncCart(host: AdapterHost, adapter: string, items: CartItemInput[], id?: string): void {
  let next;
  try {
    next = items.map((item) => host.validateItem(item, adapter)).filter((item) => item.quantity);
  } catch (error) {
    // The message reads "<adapter>: item.price must be ...".
    host.debugError('', error, ' The cart was ignored.');
    return;
  }
  // The platform's cart id (Shopify's token) names a new cart: it starts at version 0.
  if (id && id != host.getCart().id) host.resetCart(id);
  if (JSON.stringify(next) != JSON.stringify(host.getCart().items)) host.setItems(next);
}
