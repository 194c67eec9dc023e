import type { StoredRecord } from './readRecord';
import type { CartState } from './types';
import { validateItem } from './validateItem';

// The shapes cartback keeps in storage, one key each. Bump a VERSION and add a migration
// in readRecord's `migrations` when a shape changes.

export const CART_KEY = 'cart';
export const CART_VERSION = 1;
export type CartRecord = StoredRecord & { v: 1; cart: CartState };

export const IDENTITY_KEY = 'identity';
export const IDENTITY_VERSION = 1;
export type IdentityRecord = StoredRecord & {
  v: 1;
  anonymousId: string;
  userId?: string;
  traits?: Record<string, unknown>;
};

export const SESSION_KEY = 'session';
export const SESSION_VERSION = 1;
export type SessionRecord = StoredRecord & {
  v: 1;
  id: string;
  startedAt: number;
  lastActivity: number;
  /** Set when the shopper left with the cart: the next page starts a new session. */
  abandonmentId?: string;
  /** `cartId:version` of the last `cart_updated` sent. */
  reported?: string;
};

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isTime = (v: unknown): v is number => Number.isFinite(v);

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

export function isIdentityRecord(record: StoredRecord): record is IdentityRecord {
  return isString(record.anonymousId);
}

export function isSessionRecord(record: StoredRecord): record is SessionRecord {
  return isString(record.id) && isTime(record.startedAt) && isTime(record.lastActivity);
}
