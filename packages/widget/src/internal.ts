import type { ResolvedConfig } from '@cartback/core';

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
  /** When it last showed: a reload can look like a new session (see getExitIntentSuppression). */
  shownAt?: number;
  dismissedAt?: number;
  offer?: SavedOffer;
  /** The return banner's own times: it has its own cooldown. */
  bannerShownAt?: number;
  bannerDismissedAt?: number;
  /** "Don't show this again": neither the modal nor the banner shows for OPT_OUT_PERIOD. */
  optedOutAt?: number;
}

export type DismissHow = 'close' | 'escape' | 'keep_browsing' | 'backdrop';

/** `config.banner` once checked (checkWidgetOptions). */
export type BannerOptions = NonNullable<ResolvedConfig['banner']>;
export type BannerPosition = NonNullable<BannerOptions['position']>;
export type BannerDismissHow = 'close' | 'escape';
