import { describe, expect, it, vi } from 'vitest';
import { en } from './copy.js';
import { loadLocale } from './loadLocale.js';

const LANGUAGES = ['de', 'fr', 'es', 'ar', 'he'];
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('loadLocale', () => {
  it.each(LANGUAGES)('%s has every key of en and no other, with the same placeholders', async (language) => {
    const warn = vi.fn();
    const strings: Record<string, unknown> = { ...(await loadLocale(language, { warn })) };
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      if (typeof english != 'string') continue; // plural forms: the next test
      expect((strings[key] as string).trim()).not.toBe('');
      expect(placeholders(strings[key] as string), `${language} ${key}`).toEqual(placeholders(english));
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it.each(['en', ...LANGUAGES])('%s writes a count in exactly the plural categories of its language, each with {count} at most', async (language) => {
    const copy = (await loadLocale(language, { warn: vi.fn() })) ?? en;
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    expect(Object.keys(copy.itemCount).sort()).toEqual([...categories].sort());
    for (const [category, form] of Object.entries(copy.itemCount)) {
      expect(form.trim(), `${language} ${category}`).not.toBe('');
      expect(placeholders(form).every((name) => name == '{count}'), `${language} ${category}: ${form}`).toBe(true);
    }
    // The general form must say how many.
    expect(placeholders(copy.itemCount.other)).toEqual(['{count}']);
  });

  it('finds the language of a regional tag, in any case', async () => {
    const de = await loadLocale('de', { warn: vi.fn() });
    expect(await loadLocale('de-AT', { warn: vi.fn() })).toBe(de);
    expect(await loadLocale('DE-de', { warn: vi.fn() })).toBe(de);
  });

  it('loads nothing for English or a language without built-in strings', () => {
    expect(loadLocale('en-US', { warn: vi.fn() })).toBeUndefined();
    expect(loadLocale('nl', { warn: vi.fn() })).toBeUndefined();
  });
});
