import type { CartSnapshot } from '@cartback/core';
import { DEFAULT_COOLDOWN, isOptedOut } from '../modal/getExitIntentSuppression.js';
import type { BannerOptions, WidgetRecord } from '../internal.js';
import type { WidgetSession } from '../types.js';

/** `not_returning` and `empty_cart` mean there is nothing to show, not a rule at work: they are not reported. */
export type BannerSuppressionReason =
  | 'not_returning'
  | 'empty_cart'
  | 'invalid_config'
  | 'disabled'
  | 'opted_out'
  | 'purchased'
  | 'already_shown'
  | 'cooldown';

export interface BannerFacts {
  /** False when a widget option broke a rule. */
  valid: boolean;
  options: BannerOptions;
  cart: Pick<CartSnapshot, 'items'>;
  /** Undefined if the tracker could not say: then this is not known to be a return. */
  session?: WidgetSession;
  record: WidgetRecord;
  now: number;
  /** `abandonAfter`: how long a visit lasts without activity. */
  sessionLength: number;
}

/**
 * Why the return banner must not show on this page, or undefined if it may. It belongs on
 * the first page of a visit that began after the shopper left with the cart (never on the
 * pages after it), once a visit: a reload cannot be told from a new visit, so it does not
 * show within a visit's length of the last show or dismissal, nor within `cooldown` of a
 * dismissal. An order empties the cart, so the next visit has nothing to show.
 */
export function getBannerSuppression(facts: BannerFacts): BannerSuppressionReason | undefined {
  const { options, session, record, now } = facts;
  if (!session?.returned) return 'not_returning';
  if (!facts.cart.items.length) return 'empty_cart';
  if (!facts.valid) return 'invalid_config';
  if (options.enabled === false) return 'disabled';
  if (isOptedOut(record, now)) return 'opted_out';
  if (session.converted) return 'purchased';
  if (now - Math.max(record.bannerShownAt ?? -Infinity, record.bannerDismissedAt ?? -Infinity) < facts.sessionLength) return 'already_shown';
  if (now - (record.bannerDismissedAt ?? -Infinity) < (options.cooldown ?? DEFAULT_COOLDOWN)) return 'cooldown';
  return undefined;
}
