import { describe, expect, it } from 'vitest';
import { explainSuppression } from '../diagnostics/explainSuppression.js';
import { getExitIntentSuppression, type SuppressionFacts } from './getExitIntentSuppression.js';

const DAY = 86_400_000;
const NOW = 1_700_000_000_000;
const mug = { id: 'mug', name: 'Mug', price: 19.99, quantity: 1 };

/** A shopper who should see the modal; each test breaks one thing. */
function facts(overrides: Partial<SuppressionFacts> = {}): SuppressionFacts {
  return {
    valid: true,
    options: {},
    cart: { items: [mug], value: 19.99 },
    session: { id: 's1', converted: false },
    record: { v: 1 },
    now: NOW,
    path: '/products/mug',
    touch: false,
    sessionLength: 1_800_000,
    ...overrides,
  };
}

describe('getExitIntentSuppression', () => {
  it('lets a shopper with a non-empty cart see the modal by default', () => {
    expect(getExitIntentSuppression(facts())).toBeUndefined();
  });

  it('keeps the modal off when the widget options are invalid', () => {
    expect(getExitIntentSuppression(facts({ valid: false }))).toBe('invalid_config');
  });

  it('keeps the modal off when the store disabled it', () => {
    expect(getExitIntentSuppression(facts({ options: { enabled: false } }))).toBe('disabled');
    expect(getExitIntentSuppression(facts({ options: { enabled: true } }))).toBeUndefined();
  });

  it('stays away for a year after "Don’t show this again", and explains it', () => {
    const optedOut = facts({ record: { v: 1, optedOutAt: NOW - 364 * DAY } });
    expect(getExitIntentSuppression(optedOut)).toBe('opted_out');
    expect(explainSuppression('opted_out', optedOut)).toBe(`the shopper chose "Don't show this again" ${364 * DAY} ms ago (it lasts a year)`);
    expect(getExitIntentSuppression(facts({ record: { v: 1, optedOutAt: NOW - 366 * DAY } }))).toBeUndefined();
  });

  it('does not show for an empty cart', () => {
    expect(getExitIntentSuppression(facts({ cart: { items: [], value: 0 } }))).toBe('empty_cart');
  });

  it('does not show below the minimum cart value, and does at it', () => {
    expect(getExitIntentSuppression(facts({ options: { minCartValue: 20 } }))).toBe('below_min_value');
    expect(getExitIntentSuppression(facts({ options: { minCartValue: 19.99 } }))).toBeUndefined();
  });

  it('never shows after a purchase in the session', () => {
    expect(getExitIntentSuppression(facts({ session: { id: 's1', converted: true } }))).toBe('purchased');
  });

  it('shows at most once per session', () => {
    expect(getExitIntentSuppression(facts({ record: { v: 1, shownSession: 's1' } }))).toBe('already_shown');
    expect(getExitIntentSuppression(facts({ record: { v: 1, shownSession: 's0' } }))).toBeUndefined();
  });

  it('does not show again within a session length of the last time, even in a new session (a reload)', () => {
    const shownAt = NOW - 1_799_000;
    expect(getExitIntentSuppression(facts({ record: { v: 1, shownSession: 's0', shownAt } }))).toBe('already_shown');
    expect(getExitIntentSuppression(facts({ record: { v: 1, shownSession: 's0', shownAt: NOW - 1_800_000 } }))).toBeUndefined();
  });

  it('still applies the other rules when the session is unknown', () => {
    expect(getExitIntentSuppression(facts({ session: undefined, record: { v: 1, shownSession: 's1' } }))).toBeUndefined();
    expect(getExitIntentSuppression(facts({ session: undefined, cart: { items: [], value: 0 } }))).toBe('empty_cart');
  });

  it('waits a day after a dismissal by default', () => {
    expect(getExitIntentSuppression(facts({ record: { v: 1, dismissedAt: NOW - DAY + 1 } }))).toBe('cooldown');
    expect(getExitIntentSuppression(facts({ record: { v: 1, dismissedAt: NOW - DAY } }))).toBeUndefined();
  });

  it('uses the configured cooldown', () => {
    const record = { v: 1, dismissedAt: NOW - 60_000 } as const;
    expect(getExitIntentSuppression(facts({ record, options: { cooldown: 120_000 } }))).toBe('cooldown');
    expect(getExitIntentSuppression(facts({ record, options: { cooldown: 60_000 } }))).toBeUndefined();
    expect(getExitIntentSuppression(facts({ record: { v: 1, dismissedAt: NOW }, options: { cooldown: 0 } }))).toBeUndefined();
  });

  it('honours URL exclude and include patterns', () => {
    expect(getExitIntentSuppression(facts({ path: '/checkout/payment', options: { exclude: ['/checkout*'] } }))).toBe('url_excluded');
    expect(getExitIntentSuppression(facts({ options: { include: ['/cart'] } }))).toBe('url_not_included');
    expect(getExitIntentSuppression(facts({ options: { include: ['/cart', '/products/*'] } }))).toBeUndefined();
    expect(getExitIntentSuppression(facts({ options: { include: ['/products/*'], exclude: ['/products/mug'] } }))).toBe('url_excluded');
  });

  it('targets devices by pointer', () => {
    expect(getExitIntentSuppression(facts({ touch: true, options: { devices: 'desktop' } }))).toBe('device');
    expect(getExitIntentSuppression(facts({ touch: false, options: { devices: 'mobile' } }))).toBe('device');
    expect(getExitIntentSuppression(facts({ touch: true, options: { devices: 'mobile' } }))).toBeUndefined();
    expect(getExitIntentSuppression(facts({ touch: true, options: { devices: 'all' } }))).toBeUndefined();
    expect(getExitIntentSuppression(facts({ touch: true }))).toBeUndefined();
  });

  it('reports the first rule that applies, in the documented order', () => {
    const everything = facts({
      options: { enabled: false, minCartValue: 100, exclude: ['*'], devices: 'mobile' },
      cart: { items: [], value: 0 },
      session: { id: 's1', converted: true },
      record: { v: 1, shownSession: 's1', dismissedAt: NOW },
    });
    expect(getExitIntentSuppression({ ...everything, valid: false })).toBe('invalid_config');
    expect(getExitIntentSuppression(everything)).toBe('disabled');
    expect(getExitIntentSuppression({ ...everything, options: { minCartValue: 100 } })).toBe('empty_cart');
    expect(getExitIntentSuppression({ ...everything, options: { minCartValue: 100 }, cart: { items: [mug], value: 19.99 } })).toBe(
      'below_min_value',
    );
    const withCart = { ...everything, options: { exclude: ['*'], devices: 'mobile' as const }, cart: { items: [mug], value: 19.99 } };
    expect(getExitIntentSuppression(withCart)).toBe('purchased');
    expect(getExitIntentSuppression({ ...withCart, session: { id: 's1', converted: false } })).toBe('already_shown');
    expect(getExitIntentSuppression({ ...withCart, session: { id: 's2', converted: false } })).toBe('cooldown');
    expect(getExitIntentSuppression({ ...withCart, session: { id: 's2', converted: false }, record: { v: 1 } })).toBe('url_excluded');
  });
});

describe('explainSuppression', () => {
  it('names the rule and the value that kept the modal off', () => {
    const below = facts({ options: { minCartValue: 50 } });
    expect(explainSuppression('below_min_value', below)).toContain('minCartValue 50');
    expect(explainSuppression('below_min_value', below)).toContain('19.99');
    const excluded = facts({ path: '/checkout', options: { exclude: ['/cart', '/checkout*'] } });
    expect(explainSuppression('url_excluded', excluded)).toBe('"/checkout" matches config.exitIntent.exclude pattern "/checkout*"');
    const cooling = facts({ record: { v: 1, dismissedAt: NOW - 5000 } });
    expect(explainSuppression('cooldown', cooling)).toContain('5000 ms ago');
    expect(explainSuppression('cooldown', cooling)).toContain('86400000 ms');
    expect(explainSuppression('device', facts({ touch: true, options: { devices: 'desktop' } }))).toContain('"desktop"');
  });
});
