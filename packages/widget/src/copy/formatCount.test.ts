import { describe, expect, it, vi } from 'vitest';
import { en } from './copy.js';
import { formatCount } from './formatCount.js';
import { loadLocale } from './loadLocale.js';

/** 0, 1, 2, 5 and 11 items, as each language says them. */
const EXPECTED: Record<string, string[]> = {
  en: ['0 items', '1 item', '2 items', '5 items', '11 items'],
  de: ['0 Artikel', '1 Artikel', '2 Artikel', '5 Artikel', '11 Artikel'],
  fr: ['0 article', '1 article', '2 articles', '5 articles', '11 articles'],
  es: ['0 artículos', '1 artículo', '2 artículos', '5 artículos', '11 artículos'],
  // zero, one, two, few (3–10), many (11–99): five different forms.
  ar: ['لا منتجات', 'منتج واحد', 'منتجان', '5 منتجات', '11 منتجًا'],
  he: ['0 פריטים', 'פריט אחד', 'שני פריטים', '5 פריטים', '11 פריטים'],
};

describe('formatCount', () => {
  it.each(Object.entries(EXPECTED))('says 0, 1, 2, 5 and 11 items naturally in %s', async (language, expected) => {
    const copy = (await loadLocale(language, { warn: vi.fn() })) ?? en;
    // Digits as the language writes them (Latin in Node's and Chromium's `ar`; see the e2e test).
    const digits = (text: string) => text.replace(/\d+/g, (n) => new Intl.NumberFormat(language).format(+n));
    expect([0, 1, 2, 5, 11].map((count) => formatCount(copy.itemCount, count, language))).toEqual(expected.map(digits));
  });

  it('groups large counts as the language does', () => {
    expect(formatCount(en.itemCount, 1200, 'en')).toBe('1,200 items');
    expect(formatCount({ one: '{count} Artikel', other: '{count} Artikel' }, 1200, 'de')).toBe('1.200 Artikel');
  });

  it('falls back to `other` for a category the store left out, and to English rules for a tag Intl rejects', () => {
    expect(formatCount({ other: '{count} x' }, 1, 'en')).toBe('1 x');
    expect(formatCount(en.itemCount, 1, 'en-aaaaa-aaaaa')).toBe('1 item');
  });
});
