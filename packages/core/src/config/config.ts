/** Everything a store can configure. Durations are milliseconds. See the README for each. */
export interface CartbackConfig {
  /** Where event batches are POSTed: an absolute https URL (http only for localhost). */
  endpoint?: string;
  checkoutUrl?: string;
  /** A template: `{cartId}`, `{items}`, `{code}`. */
  restoreUrl?: string;
  /** ISO 4217 code of the cart's currency. Default `USD`. */
  currency?: string;
  locale?: string;
  /** A preset name, `'auto'` (the default: the page's own look), or `{ preset, vars, accentProperty }`. */
  theme?: string | { preset?: string; vars?: Record<string, string>; accentProperty?: string };
  debug?: boolean;
  requireConsent?: boolean;
  respectGlobalPrivacyControl?: boolean;
  /**
   * Idle time on a page, or hidden time of a tab, after which a cart counts as abandoned (its
   * `cart_abandoned.graceUntil`). Default 30 minutes.
   */
  abandonAfter?: number;
  /**
   * How long the abandonment of a closed tab (or a trip to another site) waits for the shopper's
   * next page of the store, a reload say, before it counts. Default 30 seconds.
   */
  returnGrace?: number;
  exitIntent?: {
    enabled?: boolean;
    sensitivity?: number;
    armDelay?: number;
    /** Touch devices: `false`, or tuned: fast scroll up in px/s, hidden for ms before a return counts. */
    mobile?: boolean | { scrollSpeed?: number | false; returnAfter?: number | false };
    minCartValue?: number;
    cooldown?: number;
    collectEmail?: boolean;
    include?: string[];
    exclude?: string[];
    devices?: 'all' | 'desktop' | 'mobile';
  };
  banner?: {
    enabled?: boolean;
    position?: 'top' | 'bottom' | 'corner';
    cooldown?: number;
    /** While the tab is hidden with a cart: this title, or the copy's `tabTitle` for `true`. Off by default. */
    tabTitle?: boolean | string;
  };
  offer?: { code?: string; percentOff?: number; validFor?: number };
  /** A/B tests of the widget with an optional holdout group (see docs/experiments.md). */
  experiments?: ExperimentConfig[];
  /** Per locale; a count's text (`itemCount`) as plural forms, `{ one, other }`. */
  copy?: Record<string, Record<string, string | Record<string, string>>>;
  /** The store's privacy policy, linked from the widget's "Why am I seeing this?". */
  privacyUrl?: string;
  /** Captures the cart from the store's platform; when unset, Shopify is detected; `false` turns detection off. */
  platform?: PlatformName | false;
}

/** One experiment: visitors are split between the holdout (no widget) and the variants by weight. */
export interface ExperimentConfig {
  id: string;
  /** Drawn again with a new seed (default: the id); changed weights alone keep visitors where they are. */
  seed?: string;
  /** The share of visitors (0 to <1) who never see the modal or the banner. */
  holdout?: number;
  variants: ExperimentVariant[];
}

/** An arm of an experiment, and what it changes in the widget's options. */
export interface ExperimentVariant {
  id: string;
  /** Relative to the other variants' weights; default 1. */
  weight?: number;
  /** `false`: this arm sees no modal and no banner (like the holdout). */
  widget?: false;
  offer?: CartbackConfig['offer'];
  copy?: CartbackConfig['copy'];
  theme?: CartbackConfig['theme'];
  exitIntent?: Pick<NonNullable<CartbackConfig['exitIntent']>, 'armDelay' | 'sensitivity' | 'mobile'>;
  banner?: Pick<NonNullable<CartbackConfig['banner']>, 'position'>;
}

export type PlatformName = 'shopify' | 'woocommerce' | 'datalayer';

export interface ResolvedConfig extends CartbackConfig {
  currency: string;
  locale: string;
  debug: boolean;
  requireConsent: boolean;
  respectGlobalPrivacyControl: boolean;
  abandonAfter: number;
  returnGrace: number;
}

export const DEFAULTS = {
  currency: 'USD',
  locale: 'en',
  debug: false,
  requireConsent: false,
  respectGlobalPrivacyControl: true,
  abandonAfter: 30 * 60 * 1000,
  returnGrace: 30 * 1000,
};
