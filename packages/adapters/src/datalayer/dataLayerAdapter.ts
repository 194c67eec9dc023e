import { describeValue } from '@cartback/core';
import type { AdapterHost, StartAdapter } from '../adapterHost.js';
import { readGa4Event, type Ga4Event } from './readGa4Event.js';
import { adapterDebug, syncCart } from '../syncCart.js';

const ADAPTER = 'datalayer';

type DataLayer = { push(...entries: unknown[]): unknown } & ArrayLike<unknown>;

/**
 * Applies one GA4 ecommerce event to cartback's cart. Everything is checked before anything
 * changes, so an event it cannot use throws and leaves the cart as it was.
 */
function apply(host: AdapterHost, event: Ga4Event, orders: Set<string>): void {
  const { name, items, currency: given } = event;
  const { currency } = host;
  if (name == 'purchase') {
    // The same order pushed twice on a page (GTM and gtag both wired, a repeated push) converts once.
    const orderId = String(event.transactionId);
    if (orders.has(orderId)) return;
    orders.add(orderId);
    // A purchase converts the cart whatever it was paid in: the order keeps its own currency.
    return void host.purchase({
      orderId,
      value: event.value,
      currency: typeof given == 'string' ? given : undefined,
    });
  }
  const other = [given, ...items.map((item) => item.currency)].find((c) => c != null && c !== currency);
  if (other != null)
    throw new Error(
      `${name}: its currency ${describeValue(other)} is not the cart's ${currency} (set data-currency to the store's currency)`,
    );
  // A removal names the line by id and variant: its price does not matter.
  const checked = items.map((item) =>
    host.validateItem(name == 'remove_from_cart' ? { ...item, price: item.price ?? 0 } : item, name),
  );
  if (name == 'add_to_cart') for (const item of checked) host.addItem(item);
  else if (name == 'remove_from_cart') {
    let lines = host.getCart().items;
    for (const { id, variant, quantity } of checked) {
      const line = lines.find((l) => l.id === id && l.variant === variant);
      if (line) lines = lines.map((l) => (l === line ? { ...l, quantity: l.quantity - quantity } : l)).filter((l) => l.quantity > 0);
      else adapterDebug(host, ADAPTER, `remove_from_cart: ${describeValue(id)}${variant ? ` (${variant})` : ''} is not in the cart`);
    }
    syncCart(host, ADAPTER, lines); // nothing found, nothing changed: no new version
  } else {
    // view_cart and begin_checkout list the whole cart.
    syncCart(host, ADAPTER, checked);
    if (name == 'begin_checkout') host.checkoutStarted();
  }
}

/**
 * Captures the cart from the GA4 ecommerce events the store pushes to `window.dataLayer`
 * (GTM's or gtag.js's): the entries already there, pushed before cartback loaded, once, then
 * every later push, by wrapping `dataLayer.push`. The wrapper hands the same `this` and
 * arguments to the push it replaced and returns what that returned, so the page, GTM and
 * gtag.js see no difference; what cartback does with an entry never throws into the page.
 *
 * GTM's gtm.js replaces `dataLayer.push` when it loads, but keeps the push it found and calls
 * it first, on the same array with the same entries (then returns a boolean of its own): loaded
 * after cartback it wraps cartback's wrapper, loaded before it is wrapped by it. Either way
 * every push still reaches cartback, so there is nothing to re-wrap, no check and no timer. (A
 * script that replaced `push` without calling the one it found would hide later pushes from
 * everything that wrapped it before, GTM included, so it would not last on a GTM site.)
 */
export const startAdapter: StartAdapter = (host, win) => {
  const orders = new Set<string>();
  let on = true;
  let busy = false;
  const handle = (entries: unknown[]) => {
    // What is pushed while an event is applied (a store that reports cartback's cart changes to
    // GA4 from cart.subscribe) describes that very change: applying it again would double it.
    if (busy) return;
    busy = true;
    for (const entry of entries) {
      try {
        const event = on && readGa4Event(entry);
        if (event) apply(host, event, orders);
      } catch (error) {
        host.debugError(`${ADAPTER}: ignored `, error);
      }
    }
    busy = false;
  };
  try {
    // As GTM's own snippet does: a page that has pushed nothing yet gets the array.
    const dataLayer = ((win as Window & { dataLayer?: DataLayer }).dataLayer ??= []);
    const push = dataLayer.push;
    if (typeof push != 'function') throw new TypeError('it has no push()');
    const own = Object.prototype.hasOwnProperty.call(dataLayer, 'push');
    const before = Array.from(dataLayer);
    const watched = function (this: unknown) {
      const result = push.apply(this, arguments as unknown as unknown[]);
      handle(Array.from(arguments));
      return result;
    };
    dataLayer.push = watched;
    handle(before);
    return () => {
      on = false;
      if (dataLayer.push !== watched) return;
      if (own) dataLayer.push = push;
      else delete (dataLayer as Partial<DataLayer>).push;
    };
  } catch (error) {
    // Not an array, or a frozen one: there is nothing cartback can watch.
    adapterDebug(host, ADAPTER, `window.dataLayer cannot be watched: ${(error as Error).message}`);
    return () => {};
  }
};
