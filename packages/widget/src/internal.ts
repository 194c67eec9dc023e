import type { SuppressionReason } from './getExitIntentSuppression.js';

export type { SuppressionReason };

/** `config.exitIntent` once checkWidgetOptions has passed it (core only checks it is an object). */
export interface ExitIntentOptions {
  enabled?: boolean;
  sensitivity?: number;
  armDelay?: number;
  mobile?: boolean | { scrollSpeed?: number | false; returnAfter?: number | false };
  minCartValue?: number;
  cooldown?: number;
  collectEmail?: boolean;
  include?: string[];
  exclude?: string[];
  devices?: 'all' | 'desktop' | 'mobile';
}

/** `config.offer` once checked: a code is required. */
export interface OfferOptions {
  code: string;
  percentOff?: number;
  validFor?: number;
}

/** An offer that expires: kept in the record so a reload does not restart its countdown. */
export interface SavedOffer {
  code: string;
  expiresAt: number;
}

/** What the widget remembers across pages and sessions, in cartback's storage. */
export interface WidgetRecord {
  v: 1;
  shownSession?: string;
  dismissedAt?: number;
  offer?: SavedOffer;
}

export type DismissHow = 'close' | 'escape' | 'keep_browsing' | 'backdrop';
