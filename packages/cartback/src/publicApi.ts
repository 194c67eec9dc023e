import type { Cartback } from '@cartback/core';
import type { CartbackApi } from './CartbackApi.js';

/**
 * The documented members only, listed here one by one: what `window.cartback` and `init()`
 * give. The engine behind them (its core, its tracker) stays private, so neither a stub-queue
 * entry (`['core.cart.reset']`) nor a store's script can skip the checks at the API.
 */
export function publicApi(cartback: Cartback & Pick<CartbackApi, 'showExitIntent' | 'showBanner'>): CartbackApi {
  const { cart, identify, checkoutStarted, purchase, consent, flush, on, destroy, showExitIntent, showBanner } = cartback;
  const api: CartbackApi = {
    cart,
    identify,
    checkoutStarted,
    purchase,
    consent,
    flush,
    on,
    ready: cartback.ready.then(() => api),
    destroy,
    showExitIntent,
    showBanner,
  };
  return api;
}
