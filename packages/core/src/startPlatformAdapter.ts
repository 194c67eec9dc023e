import type { PlatformName } from './config.js';
import { createAdapterHost, type StartAdapter } from './adapterHost.js';
import type { Cartback } from './engine.js';


// One lazy file each, so that a store loads only its own platform's adapter.
const ADAPTERS: Record<PlatformName, () => Promise<{ startAdapter: StartAdapter }>> = {
  shopify: () => import('./shopifyAdapter.js'),
  woocommerce: () => import('./wooCommerceAdapter.js'),
  datalayer: () => import('./dataLayerAdapter.js'),
};

/**
 * The entry of the lazy `cartback-adapters.js`: loads and starts the named adapter. It is a
 * file of its own so that the list of adapters costs `cartback.js` nothing.
 */
export async function startPlatformAdapter(name: PlatformName, cartback: Cartback, win: Window): Promise<() => void> {
  const { startAdapter } = await ADAPTERS[name]();
  return startAdapter(createAdapterHost(cartback), win);
}
