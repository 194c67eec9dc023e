// The entry of the lazy `cartback-store-copy.js`: a store's own words (`config.copy`), checked
// and laid over the built-in ones, fetched with the widget only when a store sets `copy`.
import { isRecord } from '@cartback/core';
import type { ReportProblem } from '../diagnostics/checkWidgetOptions.js';
import type { Copy } from './copy.js';

/** A string, or for a count (itemCount) a string for `other` and each category the store gives. */
const isText = (value: unknown, plain: boolean) =>
  plain ? typeof value == 'string' : isRecord(value) && typeof value.other == 'string' && Object.values(value).every((form) => typeof form == 'string');

/**
 * Lays the store's `copy` for the language (`de` for `de-CH`), then for the exact tag, over
 * `copy` (which has every key, English's at least: the list of what a store may set); returns whether the store wrote either. An override that is not a string (or
 * plural forms) is a mistake reported to the store's developer (the built-in text stands
 * in); an unknown key only warns.
 */
export function mergeStoreCopy(copy: Copy, overrides: unknown, locale: string, report: ReportProblem): boolean {
  let found = false;
  for (const tag of new Set([locale.split('-')[0]!.toLowerCase(), locale])) {
    const strings = isRecord(overrides) ? overrides[tag] : undefined;
    if (!isRecord(strings)) continue;
    found = true;
    for (const key in strings) {
      const path = `config.copy["${tag}"].${key}`;
      if (!Object.prototype.hasOwnProperty.call(copy, key)) report('unknown_option', path, strings[key]);
      else if (!isText(strings[key], typeof copy[key as keyof Copy] == 'string')) report('invalid_copy', path, strings[key]);
      else (copy as Record<string, unknown>)[key] = strings[key];
    }
  }
  return found;
}
