import type { StartAdapter } from '../adapterHost.js';
import { createRefresher } from '../createRefresher.js';
import { readStoreApiCart } from './readStoreApiCart.js';
import { adapterDebug, syncCart } from '../syncCart.js';
import { watchRequests } from '../watchRequests.js';

const NAME = 'woocommerce';
// Classic themes: jQuery events on document.body (add-to-cart.js, cart.js, cart-fragments.js).
const JQUERY_EVENTS = 'added_to_cart removed_from_cart updated_cart_totals wc_fragments_refreshed wc_cart_emptied';
// Block themes: DOM events on document.body, not always bubbling (caught on document, capturing).
const BLOCK_EVENTS = ['wc-blocks_added_to_cart', 'wc-blocks_removed_from_cart'];
// Store API cart changes (cart/add-item, remove-item, update-item, apply-coupon, ..., batch).
const STORE_API_CHANGE = /\/wc\/store(\/v\d+)?\/(cart\/[\w-]+|batch)\/?$/;

type JQueryCollection = { on(events: string, fn: () => void): unknown; off(events: string, fn: () => void): unknown };

/**
 * Whether a request of the page changes WooCommerce's cart: a Store API cart route (under
 * `/wp-json/`, or `?rest_route=` with plain permalinks) or a classic `?wc-ajax=` action about
 * the cart (`add_to_cart`, `remove_from_cart`, and plugins' `*_cart` actions).
 */
export const isCartChange = (url: URL) =>
  STORE_API_CHANGE.test(url.searchParams.get('rest_route') ?? url.pathname) || /cart/.test(url.searchParams.get('wc-ajax') ?? '');

/**
 * WooCommerce: cartback's cart follows the Store API cart (`GET …/wc/store/v1/cart`), read at
 * start and after every change the theme makes or announces. The cart keeps cartback's own
 * id: WooCommerce's session id is not the page's to read (an httpOnly cookie).
 */
export const startAdapter: StartAdapter = (host, win) => {
  const doc = win.document;
  const fetch = win.fetch;
  const debug = (message: string) => adapterDebug(host, NAME, message);
  let on = true;

  const read = async () => {
    if (!on) return;
    // WordPress prints its REST root in every page's head (after an async script may have run).
    const root = doc.querySelector<HTMLLinkElement>('link[rel="https://api.w.org/"]')?.href || new URL('/wp-json/', win.location.href).href;
    const url = root + 'wc/store/v1/cart';
    try {
      const response = await fetch.call(win, url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
      if (!on) return;
      if (!response.ok) return debug(`the cart was not read: ${url} answered ${response.status}.`);
      const cart = readStoreApiCart(await response.json());
      const { currency } = host;
      if (!on) return;
      if (cart.currency != currency)
        return debug(`the cart is in ${cart.currency}, cartback's in ${currency}: it was ignored. Set data-currency="${cart.currency}" on the cartback.js tag.`);
      syncCart(host, NAME, cart.items);
    } catch (error) {
      if (on) debug(`the cart at ${url} was ignored: ${(error as Error).message}.`);
    }
  };
  const refresh = createRefresher(read);
  const onChange = () => void (on && refresh());
  const onPageShow = (event: PageTransitionEvent) => event.persisted && onChange();

  // jQuery and WooCommerce's scripts come at the end of the body: their events can be hooked
  // once the document is parsed (or at `load`, for jQuery delayed by an optimiser), if ever.
  let body: JQueryCollection | undefined;
  const hookJQuery = () => {
    const jQuery = (win as { jQuery?: (element: Element) => JQueryCollection }).jQuery;
    try {
      if (!body && typeof jQuery == 'function' && doc.body) (body = jQuery(doc.body)).on(JQUERY_EVENTS, onChange);
    } catch {
      body = undefined;
    }
  };
  const whenParsed = () => {
    hookJQuery();
    onChange();
  };

  const stopWatching = watchRequests(win, isCartChange, onChange);
  for (const type of BLOCK_EVENTS) doc.addEventListener(type, onChange, true);
  win.addEventListener('pageshow', onPageShow);
  win.addEventListener('load', hookJQuery);
  if (doc.readyState == 'loading') doc.addEventListener('DOMContentLoaded', whenParsed);
  else whenParsed();

  return () => {
    on = false;
    stopWatching();
    for (const type of BLOCK_EVENTS) doc.removeEventListener(type, onChange, true);
    win.removeEventListener('pageshow', onPageShow);
    win.removeEventListener('load', hookJQuery);
    doc.removeEventListener('DOMContentLoaded', whenParsed);
    try {
      body?.off(JQUERY_EVENTS, onChange);
    } catch {}
  };
};
