import { CartbackError, describeValue } from './CartbackError';
import { fromMinor, toMinor } from './money';
import type { CartItem, CartItemInput, CartPatch } from './types';

const OPTIONAL_STRINGS = ['currency', 'variant', 'sku', 'url', 'image', 'category'] as const;
// `id` and `variant` pick the line to change and `currency` is the cart's: none is patchable.
const PATCHABLE = ['name', 'price', 'quantity', 'sku', 'url', 'image', 'category'];
const MAX_QUANTITY = 1e6;
const MAX_PRICE = 1e9;

function invalid(call: string, field: string, value: unknown, rule: string, fix: string): never {
  throw new CartbackError(
    'invalid_item_' + field,
    `${call}: item.${field} must be ${rule} (got ${describeValue(value)}). ${fix}.`,
  );
}

/**
 * Checks one field of an item (or patch) and returns its normalised value.
 * Names and URLs are kept exactly as given: the widget renders them as text, never as HTML.
 */
function checkField(call: string, field: string, value: unknown, currency: string): unknown {
  switch (field) {
    case 'id':
      if ((typeof value === 'string' && value) || (typeof value === 'number' && Number.isFinite(value)))
        return String(value);
      return invalid(call, field, value, 'a non-empty string or number', "Pass the product's id");
    case 'name':
      if (typeof value === 'string') return value;
      return invalid(call, field, value, 'a string', 'Pass the product name as text');
    case 'price':
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_PRICE)
        return fromMinor(toMinor(value, currency), currency);
      return invalid(call, field, value, 'a finite number >= 0', "Pass the unit price in the cart's currency, e.g. 19.99");
    case 'quantity':
      if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_QUANTITY) return value;
      return invalid(call, field, value, 'a whole number >= 0', 'Pass how many units, e.g. 1');
    default:
      if (value === undefined || typeof value === 'string') return value;
      if (field === 'variant' && typeof value === 'number') return String(value);
      return invalid(call, field, value, 'a string', `Pass ${field} as text or leave it out`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a store-supplied item; throws a CartbackError naming the field and the value. */
export function validateItem(input: unknown, currency: string, call = 'cart.add'): CartItem {
  if (!isRecord(input)) {
    throw new CartbackError(
      'invalid_item',
      `${call}: an item must be an object like { id, name, price, quantity } (got ${describeValue(input)}). Pass one item per call`,
    );
  }
  const item = input as Partial<CartItemInput>;
  const itemCurrency = (checkField(call, 'currency', item.currency, currency) as string | undefined) ?? currency;
  if (itemCurrency !== currency) {
    throw new CartbackError(
      'currency_mismatch',
      `${call}: item.currency must match the cart's currency ${currency} (got ${describeValue(itemCurrency)}). Convert the price or set config.currency`,
    );
  }
  const out: CartItem = {
    id: checkField(call, 'id', item.id, currency) as string,
    name: checkField(call, 'name', item.name, currency) as string,
    price: checkField(call, 'price', item.price, currency) as number,
    quantity: checkField(call, 'quantity', item.quantity ?? 1, currency) as number,
  };
  for (const key of OPTIONAL_STRINGS) {
    const value = checkField(call, key, item[key], currency);
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Validates the fields a patch sets; other keys are ignored. */
export function validatePatch(patch: unknown, currency: string): CartPatch {
  if (!isRecord(patch)) {
    throw new CartbackError(
      'invalid_patch',
      `cart.update: the patch must be an object like { quantity: 2 } (got ${describeValue(patch)}). Pass the fields to change`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const key of PATCHABLE) {
    if (key in patch) out[key] = checkField('cart.update', key, patch[key], currency);
  }
  return out as CartPatch;
}
