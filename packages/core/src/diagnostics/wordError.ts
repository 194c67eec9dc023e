import { describeValue, type CartbackError, type ItemProblem } from '../engine/CartbackError.js';
import { ITEM_ID_EXPECTED } from '../cart/validateItem.js';

/** What each item field expects; the optional ones (variant, sku, url, ...) are strings. */
const EXPECTED: Record<string, string> = {
  id: ITEM_ID_EXPECTED,
  price: 'a finite number >= 0, e.g. 19.99',
  quantity: 'a whole number >= 0',
};

function describeItemProblem(code: string, { call, field, value, currency }: ItemProblem): string {
  const got = describeValue(value);
  if (code == 'invalid_item') return `${call}: an item must be an object like { id, name, price, quantity } (got ${got}).`;
  if (code == 'invalid_order') return `${call}: order.orderId must be ${ITEM_ID_EXPECTED}, in an order of plain data (got ${got}).`;
  if (code == 'invalid_consent') return `${call}: state must be "granted" or "denied" (got ${got}).`;
  if (code == 'invalid_patch') return `${call}: the patch must be an object like { quantity: 2 } (got ${got}).`;
  if (code == 'currency_mismatch')
    return `${call}: item.currency must be the cart's currency ${currency} (got ${got}). Convert the price, or set config.currency.`;
  return `${call}: item.${field} must be ${EXPECTED[field!] ?? 'a string'} (got ${got}).`;
}

/**
 * Gives a cart mistake (a CartbackError with a `problem`: an item, a patch, a purchase's order,
 * a consent state) its full wording; anything else is
 * returned as it is. Recognised by its fields, not its class: an adapter may hold another
 * copy of core than the engine that threw.
 */
export function wordError<T>(error: T): T {
  const { code, problem } = (error ?? {}) as Partial<CartbackError>;
  if (code && problem) (error as Error).message = '[cartback] ' + describeItemProblem(code, problem);
  return error;
}
