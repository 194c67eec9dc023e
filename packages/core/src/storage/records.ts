import type { StoredRecord } from './readRecord.js';
import type { CartState } from '../types.js';
import { validateItem } from '../cart/validateItem.js';

// The cart as cartback keeps it in storage (the visitor's records are in visitorRecords.ts).
// Bump a VERSION and teach readRecord to migrate the old format when a shape changes.

export const CART_KEY = 'cart';
/** The outbox keeps one key per event: `event:<id>`. */
export const EVENT_PREFIX = 'event:';
/** An event made before the tracking chunk took it in (see createCartback): `draft:<id>`. */
export const DRAFT_PREFIX = 'draft:';
export const CART_VERSION = 1;
export type CartRecord = StoredRecord & { v: 1; cart: CartState };

export const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';
export const isTime = (v: unknown): v is number => Number.isFinite(v);

export function isCartRecord(record: StoredRecord): record is CartRecord {
  const cart = record.cart as CartState | undefined;
  if (!cart || !isString(cart.id) || !Number.isInteger(cart.version) || !isTime(cart.updatedAt)) return false;
  if (!isString(cart.currency) || !Array.isArray(cart.items)) return false;
  try {
    cart.items.forEach((item) => validateItem(item, cart.currency));
    return true;
  } catch {
    return false;
  }
}
