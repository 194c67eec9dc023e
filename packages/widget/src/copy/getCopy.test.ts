import { describe, expect, it, vi } from 'vitest';
import { en, type Copy } from './copy.js';
import type { ReportProblem } from '../diagnostics/checkWidgetOptions.js';
import { explainFallback } from '../diagnostics/widgetDiagnostics.js';
import { getCopy } from './getCopy.js';
import { mergeStoreCopy } from './mergeStoreCopy.js';
import ar from './locales/ar.js';
import de from './locales/de.js';
import he from './locales/he.js';

const quietHost = () => ({ reject: vi.fn(), warn: vi.fn() });
/** Reports as the widget does: worded by the diagnostics chunk, unknown keys as warnings. */
const reporter =
  (host: ReturnType<typeof quietHost>): ReportProblem =>
  (...problem) =>
    host[problem[0] == 'unknown_option' ? 'warn' : 'reject'](problem[0], explainFallback(...problem));
const copyFor = (locale: string, builtIn?: Copy, copy?: unknown) => getCopy({ locale, copy }, builtIn, reporter(quietHost()), copy ? mergeStoreCopy : undefined);

describe('getCopy', () => {
  it('is English, left to right, for en and its regions', () => {
    expect(copyFor('en')).toEqual({ copy: en, lang: 'en', dir: 'ltr' });
    expect(copyFor('en-GB')).toEqual({ copy: en, lang: 'en-GB', dir: 'ltr' });
  });

  it('uses the built-in strings of the language, keeping the exact tag for lang', () => {
    const { copy, lang, dir } = copyFor('de-CH', de);
    expect(copy.title).toBe('Schon los? Ihr Warenkorb ist noch da');
    expect(copy.checkout).toBe('Zur Kasse');
    expect(copy.checkoutReturn).toBe('Zurück zur Kasse');
    expect(copy.bannerDismiss).toBe('Ausblenden');
    expect({ lang, dir }).toEqual({ lang: 'de-CH', dir: 'ltr' });
  });

  it('lays out right-to-left languages mirrored', () => {
    expect(copyFor('he', he)).toMatchObject({ lang: 'he', dir: 'rtl' });
    expect(copyFor('ar-EG', ar)).toMatchObject({ lang: 'ar-EG', dir: 'rtl' });
    expect(copyFor('fa', undefined, { fa: { title: 'x' } })).toMatchObject({ lang: 'fa', dir: 'rtl' });
    expect(copyFor('arn', undefined, { arn: { title: 'x' } })).toMatchObject({ dir: 'ltr' });
  });

  it('shows English, and says so in lang, for a language with no built-in or store copy', () => {
    expect(copyFor('nl-BE')).toEqual({ copy: en, lang: 'en', dir: 'ltr' });
    expect(copyFor('he')).toEqual({ copy: en, lang: 'en', dir: 'ltr' });
  });

  it('lets the store override any string: English, then the language, then the exact tag', () => {
    const copy = {
      en: { title: 'Wait!' },
      de: { title: 'Moment!', total: 'Gesamt' },
      'de-CH': { total: 'Total CHF' },
    };
    expect(copyFor('en', undefined, copy).copy.title).toBe('Wait!');
    expect(copyFor('de', de, copy).copy).toMatchObject({ title: 'Moment!', total: 'Gesamt', close: 'Schließen' });
    expect(copyFor('de-CH', de, copy).copy).toMatchObject({ title: 'Moment!', total: 'Total CHF', close: 'Schließen' });
    // A store that writes its own language gets it, with English for what it leaves out.
    const nl = copyFor('nl', undefined, { nl: { title: 'Al weg?' } });
    expect(nl).toMatchObject({ lang: 'nl', copy: { title: 'Al weg?', close: 'Close' } });
  });

  it('rejects an override that is not a string and warns about an unknown key, keeping the built-in text', () => {
    const host = quietHost();
    const { copy } = getCopy({ locale: 'de', copy: { de: { title: 3, titel: 'Moment!', close: 'Zu' } } }, de, reporter(host), mergeStoreCopy);
    expect(copy.title).toBe('Schon los? Ihr Warenkorb ist noch da');
    expect(copy.close).toBe('Zu');
    expect(copy).not.toHaveProperty('titel');
    expect(host.reject.mock.calls).toEqual([
      [
        'invalid_copy',
        'config.copy["de"].title must be a string (got 3). ' +
          'Fix it in window.cartbackConfig, the data-* attribute or init(); until then the built-in text is used.',
      ],
    ]);
    expect(host.warn.mock.calls).toEqual([
      ['unknown_option', 'config.copy["de"].titel is not an option cartback knows; it is ignored. Check its spelling: https://github.com/cartback/cartback/blob/main/docs/configuration.md'],
    ]);
  });

  it('ignores the copy of other locales, and an inherited key', () => {
    const host = quietHost();
    const { copy } = getCopy({ locale: 'fr', copy: { de: { title: 'Moment!' }, fr: JSON.parse('{"__proto__": {"x": 1}}') } }, undefined, reporter(host), mergeStoreCopy);
    expect(copy.title).toBe(en.title);
    expect(host.reject).not.toHaveBeenCalled();
  });

  it('takes a store’s plural forms for a count, and rejects forms without `other`', () => {
    const host = quietHost();
    const forms = { one: '{count} bag', other: '{count} bags' };
    const { copy } = getCopy({ locale: 'en', copy: { en: { itemCount: forms, title: { other: 'x' } } } }, undefined, reporter(host), mergeStoreCopy);
    expect(copy.itemCount).toEqual(forms);
    expect(copy.title).toBe(en.title);
    const broken = getCopy({ locale: 'en', copy: { en: { itemCount: { one: '{count} bag' } } } }, undefined, reporter(host), mergeStoreCopy);
    expect(broken.copy.itemCount).toEqual(en.itemCount);
    expect(host.reject.mock.calls.map((call) => call[1])).toEqual([
      expect.stringMatching(/^config\.copy\["en"\]\.title must be a string \(got/),
      expect.stringMatching(/^config\.copy\["en"\]\.itemCount must be plural forms like \{ one: "\{count\} item", other: "\{count\} items" \} \(got/),
    ]);
  });
});
