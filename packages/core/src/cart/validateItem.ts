import { CartbackError, describeValue } from '../engine/CartbackError.js';
import { isRecord } from '../engine/isRecord.js';
import { fromMinor, toMinor } from './money.js';
import type { CartItem, CartPatch } from '../types.js';

type Rule = [test: (value: any) => unknown, expected: string];

/** An item's or an order's id: a non-empty string, or a finite number (kept as a string). */
export const isItemId = (v: unknown): boolean => (typeof v == 'string' && v != '') || (typeof v == 'number' && isFinite(v));
export const ITEM_ID_EXPECTED = 'a non-empty string or number';

const RULES: Record<string, Rule> = {
  id: [isItemId, ITEM_ID_EXPECTED],
  name: [(v) => typeof v == 'string', 'a string'],
  price: [(v) => typeof v == 'number' && v >= 0 && v <= 1e9, 'a finite number >= 0, e.g. 19.99'],
  quantity: [(v) => Number.isInteger(v) && v >= 0 && v <= 1e6, 'a whole number >= 0'],
};
const OPTIONAL: Rule = [(v) => v === undefined || typeof v == 'string', 'a string'];
const FIELDS = ['id', 'name', 'price', 'quantity', 'variant', 'sku', 'url', 'image', 'category'];
// `id` and `variant` pick the line to change and `currency` is the cart's: none is patchable.
// A literal, not computed from FIELDS: a call at module level is work at import time (and
// keeps bundlers from dropping the module when nothing of it is used).
const PATCHABLE = ['name', 'price', 'quantity', 'sku', 'url', 'image', 'category'];

/**
 * Checks one field and returns its normalised value: ids as strings, prices rounded to the
 * currency's minor unit. Names and URLs are kept exactly as given: the widget renders them as
 * text, never as HTML.
 */
function checkField(call: string, field: string, value: unknown, currency: string): unknown {
  if ((field == 'variant' || field == 'id') && typeof value == 'number' && isFinite(value)) value = String(value);
  const [test, expected] = RULES[field] ?? OPTIONAL;
  if (!test(value))
    throw new CartbackError('invalid_item_' + field, `${call}: item.${field} must be ${expected} (got ${describeValue(value)}).`);
  return field == 'price' ? fromMinor(toMinor(value as number, currency), currency) : value;
}

/** Validates a store-supplied item; throws a CartbackError naming the field and the value. Unknown fields are dropped. */
export function validateItem(input: unknown, currency: string, call = 'cart.add'): CartItem {
  if (!isRecord(input))
    throw new CartbackError('invalid_item', `${call}: an item must be an object like { id, name, price, quantity } (got ${describeValue(input)}).`);
  if ((input.currency ?? currency) !== currency)
    throw new CartbackError(
      'currency_mismatch',
      `${call}: item.currency must be the cart's currency ${currency} (got ${describeValue(input.currency)}). Convert the price, or set config.currency.`,
    );
  const item: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = checkField(call, field, field == 'quantity' ? input.quantity ?? 1 : input[field], currency);
    if (value !== undefined) item[field] = value;
  }
  if (input.currency) item.currency = currency;
  return item as unknown as CartItem;
}

/** Validates the fields a patch sets; other keys are ignored. */
export function validatePatch(patch: unknown, currency: string): CartPatch {
  if (!isRecord(patch))
    throw new CartbackError('invalid_patch', `cart.update: the patch must be an object like { quantity: 2 } (got ${describeValue(patch)}).`);
  const out: Record<string, unknown> = {};
  for (const key of PATCHABLE) if (key in patch) out[key] = checkField('cart.update', key, patch[key], currency);
  return out;
}
