import { createRefresher } from '../createRefresher.js';
import { readShopifyCart } from './readShopifyCart.js';
import type { StartAdapter } from '../adapterHost.js';
import { adapterDebug, syncCart } from '../syncCart.js';
import { watchRequests } from '../watchRequests.js';

const NAME = 'shopify';

/** The theme's requests that change the cart, under any locale root (`/fr/cart/add.js`), with or without `.js`. */
const CART_CHANGE = /\/cart\/(add|change|update|clear)(\.js)?$/;

/**
 * The events themes dispatch on `document` (or bubble up to it) when the cart has changed:
 * Horizon's `cart:update`; `cart:updated` (Archetype's themes and many apps); `cart:refresh`
 * and `cart:change` (Maestrooo's themes, and what apps send them to re-render the cart). They
 * tell of changes made through a `fetch` kept from before cartback wrapped it.
 */
const THEME_EVENTS = ['cart:update', 'cart:updated', 'cart:refresh', 'cart:change'];

/**
 * Shopify Online Store themes: cartback's cart is the store's, read from the AJAX Cart API
 * (`GET {root}cart.js`) at start, after each of the theme's cart requests, on the theme's cart
 * events, and when the page comes back from the back/forward cache; a burst of them makes one
 * read more, not one each. The cart id is Shopify's cart token, and the widget's links default
 * to Shopify's cart permalink. Nothing here throws into the page: a failed or malformed read
 * is a debug line, and the cart stays as it was.
 */
export const startAdapter: StartAdapter = (host, win) => {
  const root = (win as { Shopify?: { routes?: { root?: unknown } } }).Shopify?.routes?.root;
  const base = typeof root == 'string' && root.endsWith('/') ? root : '/';
  // Ours, not a wrapper installed later (watchRequests' own included).
  const fetch = win.fetch;
  const debug = (message: string) => adapterDebug(host, NAME, message);
  let on = true;

  // `/cart/<variant>:<qty>,...` fills the cart in any browser and goes on to checkout. A default
  // beside the store's config, never written into it: `restoreUrl` given by the store wins.
  host.setDefaultRestoreUrl(base + 'cart/{items}');

  const read = async () => {
    if (!on) return;
    let cart;
    try {
      const response = await fetch(base + 'cart.js', { credentials: 'same-origin', cache: 'no-store' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      cart = readShopifyCart(await response.json());
    } catch (error) {
      return on && debug(`${base}cart.js was not read (${(error as Error).message}); the cart is left as it was.`);
    }
    if (!on) return;
    if (cart.currency != host.currency)
      return debug(
        `the cart is in ${cart.currency}, not ${host.currency}, and was ignored. Set the cart's currency on the script tag: data-currency="{{ cart.currency.iso_code }}".`,
      );
    // Until its first item, Shopify answers every read with a new token: an empty cart's is not adopted.
    syncCart(host, NAME, cart.items, cart.items.length ? cart.token : undefined);
  };
  const refresh = createRefresher(read);
  const onPageShow = (event: PageTransitionEvent) => event.persisted && refresh();

  const stopWatching = watchRequests(win, (url) => CART_CHANGE.test(url.pathname), refresh);
  for (const type of THEME_EVENTS) win.document.addEventListener(type, refresh);
  win.addEventListener('pageshow', onPageShow);
  refresh();
  return () => {
    on = false;
    stopWatching();
    for (const type of THEME_EVENTS) win.document.removeEventListener(type, refresh);
    win.removeEventListener('pageshow', onPageShow);
    host.clearDefaultRestoreUrl();
  };
};
