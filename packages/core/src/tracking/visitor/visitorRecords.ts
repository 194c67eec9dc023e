import type { Touchpoints } from './getAttribution.js';
import type { StoredRecord } from '../../storage/readRecord.js';
import { isString, isTime } from '../../storage/records.js';

// Who the shopper is and their current visit, as the tracking chunk keeps them in storage.

export const IDENTITY_KEY = 'identity';
export const IDENTITY_VERSION = 1;
export type IdentityRecord = StoredRecord & {
  v: 1;
  /** A random UUID, first-party: never a fingerprint. */
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
  /**
   * Set when the shopper may have left with the cart (a `cart_abandoned` was sent). Until
   * `graceUntil` it is provisional: the shopper back on the store cancels it and the session
   * goes on; from then on it counts, and the next page starts a new session. Records of
   * earlier versions have no `graceUntil`: their abandonment counts.
   */
  abandonmentId?: string;
  graceUntil?: number;
  /** `cartId:version` of the last `cart_updated` sent. */
  reported?: string;
  /** An order was completed in this session: the exit-intent modal stays away. */
  converted?: boolean;
  /** `checkout_started` in this session: the modal's button says "Return to checkout". */
  checkoutStarted?: boolean;
  /**
   * When the shopper came through each recovery touchpoint, for the next order's attribution.
   * Carried from session to session (the attribution window is days), cleared by an order.
   */
  touchpoints?: Touchpoints;
};

export function isIdentityRecord(record: StoredRecord): record is IdentityRecord {
  return isString(record.anonymousId);
}

export function isSessionRecord(record: StoredRecord): record is SessionRecord {
  return isString(record.id) && isTime(record.startedAt) && isTime(record.lastActivity);
}
