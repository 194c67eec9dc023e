import { describeValue, isItemId, isRecord } from '@cartback/core';

const EVENTS = ['add_to_cart', 'remove_from_cart', 'view_cart', 'begin_checkout', 'purchase'] as const;

export type Ga4EventName = (typeof EVENTS)[number];

/** A GA4 item in cartback's field names, not yet checked: validateItem names what is wrong. */
export interface Ga4Item {
  id: unknown;
  name: unknown;
  price: unknown;
  quantity: unknown;
  variant: unknown;
  category: unknown;
  currency: unknown;
}

/** The GA4 ecommerce event one dataLayer entry carries (a purchase has no items: its cart is cartback's). */
export interface Ga4Event {
  name: Ga4EventName;
  currency: unknown;
  items: Ga4Item[];
  /** A purchase's `transaction_id` and `value`. */
  transactionId?: string | number;
  value?: number;
}

// Sites push numbers as strings as often as not ("11.99", quantity "1"); such a string becomes its number.
const toNumber = (v: unknown) => (typeof v == 'string' && /^\d+(\.\d+)?$/.test(v) ? +v : v);

/**
 * Reads one dataLayer entry: GTM's `{ event, ecommerce: { currency, value, items } }` or
 * gtag.js's `gtag('event', name, params)`, which pushes its Arguments object (GTM tells the two
 * apart the same way: an Arguments object is a gtag command, an Array something else).
 * Returns undefined for anything but the five events cartback acts on, and throws an Error
 * with the reason for one of them whose payload cannot be used, so the adapter can say why
 * it ignored it.
 */
export function readGa4Event(entry: unknown): Ga4Event | undefined {
  const gtag = Object.prototype.toString.call(entry) == '[object Arguments]';
  let name: unknown;
  let params: unknown;
  if (gtag) {
    const args = entry as ArrayLike<unknown>;
    if (args[0] === 'event') [name, params] = [args[1], args[2]];
  } else if (isRecord(entry)) [name, params] = [entry.event, entry.ecommerce];
  if (!EVENTS.includes(name as Ga4EventName)) return;

  const fail: (what: string, value: unknown) => never = (what, value) => {
    throw new Error(`${name}: ${what} (got ${describeValue(value)})`);
  };
  if (!isRecord(params)) fail(`${gtag ? 'the parameters' : 'ecommerce'} must be an object`, params);
  const { currency, items, transaction_id: transactionId, value } = params;
  const event: Ga4Event = { name: name as Ga4EventName, currency, items: [] };
  if (name == 'purchase') {
    if (!isItemId(transactionId)) fail('transaction_id must be a non-empty string or number', transactionId);
    const amount = toNumber(value);
    return { ...event, transactionId: transactionId as string | number, value: Number.isFinite(amount) ? (amount as number) : undefined };
  }
  if (!Array.isArray(items)) fail('items must be an array', items);
  event.items = items.map((item: unknown) => {
    if (!isRecord(item)) fail('an item must be an object', item);
    const { item_id, item_name, item_variant, item_category, price, quantity, currency } = item;
    const id = item_id ?? item_name;
    if (id == null) fail('an item needs an item_id or an item_name', item);
    return {
      id,
      name: item_name ?? String(id),
      price: toNumber(price),
      quantity: toNumber(quantity),
      variant: item_variant,
      category: item_category,
      currency,
    };
  });
  return event;
}
