import { describe, expect, it } from 'vitest';
import { formatMoney } from './formatMoney.js';

// A line's total is the snapshot's price (already in the currency's minor units) times the
// quantity, formatted: the product's float error (about 1e-16 of it) is far from the half a
// minor unit at which formatMoney's rounding to the currency's digits would go the other way.
describe('line totals', () => {
  it('shows 3 × 0.10 as 0.30 and 100 × 0.07 as 7.00, though the floats are 0.30000000000000004 and 7.000000000000001', () => {
    expect(formatMoney(19.99 * 3, 'USD', 'en')).toBe('$59.97');
    expect(formatMoney(0.07 * 100, 'USD', 'en')).toBe('$7.00');
    expect(formatMoney(0.1 * 3, 'EUR', 'en')).toBe('€0.30');
  });

  it('uses the currency’s own digits', () => {
    expect(formatMoney(1500 * 2, 'JPY', 'en')).toBe('¥3,000');
    expect(formatMoney(1.234 * 3, 'KWD', 'en')).toBe('KWD\u00a03.702');
  });

  it('matches the exact total in cents for every price up to 100.00 at quantities up to 1,000', () => {
    const cents = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });
    const wrong: string[] = [];
    for (let price = 1; price <= 10_000; price += 7)
      for (const quantity of [1, 2, 3, 7, 11, 99, 999, 1000]) {
        // The exact total, as a decimal string built from integer cents: no float involved.
        const total = price * quantity;
        const exact = cents.format(Number(`${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`));
        if (formatMoney((price / 100) * quantity, 'USD', 'en') != exact) wrong.push(`${price / 100} × ${quantity}`);
      }
    expect(wrong).toEqual([]);
  });
});

describe('formatMoney', () => {
  it('formats in the shop’s currency and locale', () => {
    expect(formatMoney(59.97, 'USD', 'en')).toBe('$59.97');
    expect(formatMoney(3000, 'JPY', 'en')).toBe('¥3,000');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(1234.5, 'EUR', 'de')).toBe('1.234,50\u00a0€');
    expect(formatMoney(1234.5, 'EUR', 'fr')).toBe('1\u202f234,50\u00a0€');
  });

  it('falls back to English for a locale the browser rejects', () => {
    expect(formatMoney(5, 'USD', 'en-u-nu-')).toBe('$5.00');
  });
});
