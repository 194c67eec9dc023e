import { CartbackError, describeValue, type ItemProblem } from '../engine/CartbackError.js';
import { isRecord } from '../engine/isRecord.js';
import type { CartItem, CartPatch } from '../types.js';

/** An item's or an order's id: a non-empty string, or a finite number (kept as a string). */
export const isItemId = (v: unknown): boolean => (typeof v == 'string' && v != '') || (typeof v == 'number' && isFinite(v));
export const ITEM_ID_EXPECTED = 'a non-empty string or number';

/** Each field's check; what each expects is worded in the lazy diagnostics file (wordError). */
const RULES: Record<string, (value: any) => unknown> = {
  id: isItemId,
  name: (v) => typeof v == 'string',
  price: (v) => typeof v == 'number' && v >= 0 && v <= 1e9,
  quantity: (v) => Number.isInteger(v) && v >= 0 && v <= 1e6,
};
const isOptionalString = (v: unknown) => v === undefined || typeof v == 'string';
const FIELDS = ['id', 'name', 'price', 'quantity', 'variant', 'sku', 'url', 'image', 'category'];
// `id` and `variant` pick the line to change and `currency` is the cart's: none is patchable.
// A literal, not computed from FIELDS: a call at module level is work at import time (and
// keeps bundlers from dropping the module when nothing of it is used).
const PATCHABLE = ['name', 'price', 'quantity', 'sku', 'url', 'image', 'category'];

/**
 * A cart mistake, thrown with its facts and a short message that names the call, the code and
 * the value: the engine prints it fully worded, once the diagnostics file has loaded. Mistakes
 * are rare, and their wording is bytes every page would download.
 */
export function itemError(code: string, problem: ItemProblem): CartbackError {
  return new CartbackError(code, `${problem.call}: ${code} (got ${describeValue(problem.value)})`, problem);
}

/**
 * Checks one field and returns its normalised value: ids as strings. Prices are kept as given
 * and rounded to the currency's minor unit on the way out (getCartSnapshot). Names and URLs are
 * kept exactly as given: the widget renders them as text, never as HTML.
 */
function checkField(call: string, field: string, value: unknown): unknown {
  if ((field == 'variant' || field == 'id') && typeof value == 'number' && isFinite(value)) value = String(value);
  if (!(RULES[field] ?? isOptionalString)(value)) throw itemError('invalid_item_' + field, { call, field, value });
  return value;
}

/** Validates a store-supplied item; throws a CartbackError naming the field and the value. Unknown fields are dropped. */
export function validateItem(input: unknown, currency: string, call = 'cart.add'): CartItem {
  if (!isRecord(input)) throw itemError('invalid_item', { call, value: input });
  if ((input.currency ?? currency) !== currency) throw itemError('currency_mismatch', { call, field: 'currency', value: input.currency, currency });
  const item: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = checkField(call, field, field == 'quantity' ? input.quantity ?? 1 : input[field]);
    if (value !== undefined) item[field] = value;
  }
  if (input.currency) item.currency = currency;
  return item as unknown as CartItem;
}

/** Validates the fields a patch sets; other keys are ignored. */
export function validatePatch(patch: unknown): CartPatch {
  if (!isRecord(patch)) throw itemError('invalid_patch', { call: 'cart.update', value: patch });
  const out: Record<string, unknown> = {};
  for (const key of PATCHABLE) if (key in patch) out[key] = checkField('cart.update', key, patch[key]);
  return out;
}
