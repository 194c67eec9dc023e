import type { Cartback, PlatformName } from '@cartback/core';
import { createAdapterHost, type StartAdapter } from './adapterHost.js';


// One lazy file each, so that a store loads only its own platform's adapter.
const ADAPTERS: Record<PlatformName, () => Promise<{ startAdapter: StartAdapter }>> = {
  shopify: () => import('./shopify/shopifyAdapter.js'),
  woocommerce: () => import('./woocommerce/wooCommerceAdapter.js'),
  datalayer: () => import('./datalayer/dataLayerAdapter.js'),
};

/**
 * The entry of the lazy `cartback-adapters.js`: loads and starts the named adapter. It is a
 * file of its own so that the list of adapters costs `cartback.js` nothing.
 */
export async function startPlatformAdapter(name: PlatformName, cartback: Cartback, win: Window): Promise<() => void> {
  const { startAdapter } = await ADAPTERS[name]();
  return startAdapter(createAdapterHost(cartback), win);
}
