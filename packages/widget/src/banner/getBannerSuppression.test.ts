import { describe, expect, it } from 'vitest';
import { getBannerSuppression, type BannerFacts } from './getBannerSuppression.js';

const DAY = 86_400_000;
const NOW = 1_700_000_000_000;
const VISIT = 1_800_000;
const mug = { id: 'mug', name: 'Mug', price: 19.99, quantity: 1 };

/** A shopper back after leaving with a cart, who should see the banner; each test breaks one thing. */
function facts(overrides: Partial<BannerFacts> = {}): BannerFacts {
  return {
    valid: true,
    options: {},
    cart: { items: [mug] },
    session: { id: 's2', converted: false, returned: true },
    record: { v: 1 },
    now: NOW,
    sessionLength: VISIT,
    ...overrides,
  };
}

describe('getBannerSuppression', () => {
  it('shows the banner on the first page of a returning visit with a cart, by default', () => {
    expect(getBannerSuppression(facts())).toBeUndefined();
  });

  it('stays away for a year after "Don’t show this again"', () => {
    expect(getBannerSuppression(facts({ record: { v: 1, optedOutAt: NOW - 364 * DAY } }))).toBe('opted_out');
    expect(getBannerSuppression(facts({ record: { v: 1, optedOutAt: NOW - 366 * DAY } }))).toBeUndefined();
  });

  it('has nothing to show on other pages (internal navigation) or with an empty cart', () => {
    expect(getBannerSuppression(facts({ session: { id: 's2', converted: false, returned: false } }))).toBe('not_returning');
    expect(getBannerSuppression(facts({ session: { id: 's2', converted: false } }))).toBe('not_returning');
    expect(getBannerSuppression(facts({ session: undefined }))).toBe('not_returning');
    expect(getBannerSuppression(facts({ cart: { items: [] } }))).toBe('empty_cart');
    // Before any rule: a store with the banner off gets no widget_suppressed on every page.
    expect(getBannerSuppression(facts({ valid: false, options: { enabled: false }, session: { id: 's', converted: false } }))).toBe(
      'not_returning',
    );
  });

  it('stays off with invalid options or enabled: false', () => {
    expect(getBannerSuppression(facts({ valid: false }))).toBe('invalid_config');
    expect(getBannerSuppression(facts({ options: { enabled: false } }))).toBe('disabled');
    expect(getBannerSuppression(facts({ options: { enabled: true } }))).toBeUndefined();
  });

  it('never shows after an order in the session', () => {
    expect(getBannerSuppression(facts({ session: { id: 's2', converted: true, returned: true } }))).toBe('purchased');
  });

  it('shows once a visit: not within a visit length of the last show or dismissal (a reload looks like a return)', () => {
    expect(getBannerSuppression(facts({ record: { v: 1, bannerShownAt: NOW - VISIT + 1 } }))).toBe('already_shown');
    expect(getBannerSuppression(facts({ record: { v: 1, bannerShownAt: NOW - VISIT } }))).toBeUndefined();
    // Dismissed late in a long visit, with no cooldown: still not again in that visit.
    expect(getBannerSuppression(facts({ options: { cooldown: 0 }, record: { v: 1, bannerShownAt: NOW - 2 * VISIT, bannerDismissedAt: NOW - 1000 } }))).toBe(
      'already_shown',
    );
  });

  it('waits out the cooldown after a dismissal: one day by default, or banner.cooldown', () => {
    const dismissed = (ago: number) => ({ v: 1 as const, bannerShownAt: NOW - ago - 1000, bannerDismissedAt: NOW - ago });
    expect(getBannerSuppression(facts({ record: dismissed(DAY - 1) }))).toBe('cooldown');
    expect(getBannerSuppression(facts({ record: dismissed(DAY) }))).toBeUndefined();
    expect(getBannerSuppression(facts({ options: { cooldown: 2 * DAY }, record: dismissed(DAY) }))).toBe('cooldown');
    expect(getBannerSuppression(facts({ options: { cooldown: 0 }, record: dismissed(VISIT) }))).toBeUndefined();
  });

  it('is not held back by the exit-intent modal having shown or been dismissed', () => {
    expect(getBannerSuppression(facts({ record: { v: 1, shownAt: NOW - 1000, dismissedAt: NOW - 500, shownSession: 's2' } }))).toBeUndefined();
  });
});
