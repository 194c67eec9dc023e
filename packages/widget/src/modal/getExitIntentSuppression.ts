import type { CartSnapshot } from '@cartback/core';
import type { WidgetRecord } from '../internal.js';
import type { ExitIntentOptions, WidgetSession } from '../types.js';
import { isPathMatch } from './isPathMatch.js';

export type SuppressionReason =
  | 'invalid_config'
  | 'disabled'
  | 'opted_out'
  | 'empty_cart'
  | 'below_min_value'
  | 'purchased'
  | 'already_shown'
  | 'cooldown'
  | 'url_excluded'
  | 'url_not_included'
  | 'device';

/** Everything the rules look at, gathered by the widget so the rules stay pure. */
export interface SuppressionFacts {
  /** False when config.exitIntent or config.offer broke a rule. */
  valid: boolean;
  options: ExitIntentOptions;
  cart: Pick<CartSnapshot, 'items' | 'value'>;
  /** Undefined if the tracker could not say: the session rules then do not apply. */
  session?: WidgetSession;
  record: WidgetRecord;
  now: number;
  /** `location.pathname`. */
  path: string;
  /** `(pointer: coarse)` matches. */
  touch: boolean;
  /** `abandonAfter`: how long a session lasts without activity. */
  sessionLength: number;
}

export const DEFAULT_COOLDOWN = 86_400_000;

/** How long "Don't show this again" keeps the modal and the banner away: a year (docs/widget.md). */
export const OPT_OUT_PERIOD = 365 * DEFAULT_COOLDOWN;

/** The shopper chose "Don't show this again" less than OPT_OUT_PERIOD ago. */
export const isOptedOut = (record: WidgetRecord, now: number) => now - (record.optedOutAt ?? -Infinity) < OPT_OUT_PERIOD;

/** Why the exit-intent modal must not open now, or undefined if it may. The first rule that applies wins. */
export function getExitIntentSuppression(facts: SuppressionFacts): SuppressionReason | undefined {
  const { options, cart, session, record, path, touch } = facts;
  const matches = (patterns: string[]) => patterns.some((pattern) => isPathMatch(pattern, path));
  if (!facts.valid) return 'invalid_config';
  if (options.enabled === false) return 'disabled';
  if (isOptedOut(record, facts.now)) return 'opted_out';
  if (!cart.items.length) return 'empty_cart';
  if (cart.value < (options.minCartValue ?? 0)) return 'below_min_value';
  if (session?.converted) return 'purchased';
  // A reload cannot be told from closing the tab, so it starts a new session: showing again
  // within a session's length of the last time would show it twice in one visit.
  if ((session && record.shownSession === session.id) || facts.now - (record.shownAt ?? -Infinity) < facts.sessionLength)
    return 'already_shown';
  if (facts.now - (record.dismissedAt ?? -Infinity) < (options.cooldown ?? DEFAULT_COOLDOWN)) return 'cooldown';
  if (options.exclude && matches(options.exclude)) return 'url_excluded';
  if (options.include && !matches(options.include)) return 'url_not_included';
  if ((options.devices == 'desktop' && touch) || (options.devices == 'mobile' && !touch)) return 'device';
  return undefined;
}
