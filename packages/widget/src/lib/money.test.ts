import { describe, expect, it } from 'vitest';
import { formatMoney } from './formatMoney.js';
import { getLineTotal } from './getLineTotal.js';

describe('line totals', () => {
  it('multiplies in minor units, so 3 × 19.99 is exactly 59.97', () => {
    expect(getLineTotal({ price: 19.99, quantity: 3 }, 'USD')).toBe(59.97);
    expect(getLineTotal({ price: 0.1, quantity: 3 }, 'EUR')).toBe(0.3);
    expect(getLineTotal({ price: 0.07, quantity: 100 }, 'USD')).toBe(7); // 0.07 * 100 is 7.000000000000001 in floats
  });

  it('uses the currency’s own digits', () => {
    expect(getLineTotal({ price: 1500, quantity: 2 }, 'JPY')).toBe(3000);
    expect(getLineTotal({ price: 1.234, quantity: 3 }, 'KWD')).toBe(3.702);
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
