import { en, type Copy, type CopyKey } from './copy.js';
import type { ReportProblem } from '../diagnostics/checkWidgetOptions.js';
import { isRecord } from '@cartback/core';

/** The words for one widget, and the `lang` and `dir` of the element that shows them. */
export interface WidgetCopy {
  copy: Copy;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/**
 * The copy for `config.locale`: English, under the built-in strings of its language
 * (`builtIn`, from loadLocale), under the store's `copy` for the language (`de` for `de-CH`),
 * under its `copy` for the exact tag. A locale with neither built-in nor store copy shows
 * English, and says so in `lang`. An override that is not a string is a mistake reported to
 * the store's developer (the built-in text stands in); an unknown key only warns.
 */
export function getCopy(
  config: { locale: string; copy?: unknown },
  builtIn: Copy | undefined,
  report: ReportProblem,
): WidgetCopy {
  const { locale } = config;
  const language = locale.split('-')[0]!.toLowerCase();
  const copy = { ...en, ...builtIn };
  let found = language == 'en' || !!builtIn;
  const overrides = (config.copy || {}) as Record<string, unknown>;
  for (const tag of new Set([language, locale])) {
    const strings = overrides[tag];
    if (!isRecord(strings)) continue;
    found = true;
    for (const key in strings) {
      const path = `config.copy["${tag}"].${key}`;
      if (!Object.prototype.hasOwnProperty.call(en, key)) report('unknown_option', path, strings[key]);
      else if (typeof strings[key] != 'string') report('invalid_copy', path, strings[key]);
      else copy[key as CopyKey] = strings[key] as string;
    }
  }
  const lang = found ? locale : 'en';
  return { copy, lang, dir: /^(ar|he|fa|ur|ps|yi|ckb)\b/i.test(lang) ? 'rtl' : 'ltr' };
}
