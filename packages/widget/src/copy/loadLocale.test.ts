import { describe, expect, it, vi } from 'vitest';
import { en } from './copy.js';
import { loadLocale } from './loadLocale.js';

const LANGUAGES = ['de', 'fr', 'es', 'ar', 'he'];
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('loadLocale', () => {
  it.each(LANGUAGES)('%s has every key of en and no other, with the same placeholders', async (language) => {
    const warn = vi.fn();
    const strings: Record<string, string> = { ...(await loadLocale(language, { warn })) };
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      expect(strings[key]!.trim()).not.toBe('');
      expect(placeholders(strings[key]!), `${language} ${key}`).toEqual(placeholders(english));
    }
    expect(warn).not.toHaveBeenCalled();
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
