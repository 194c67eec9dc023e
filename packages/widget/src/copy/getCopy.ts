import { en, type Copy } from './copy.js';
import type { ReportProblem } from '../diagnostics/checkWidgetOptions.js';

/** The words for one widget, and the `lang` and `dir` of the element that shows them. */
export interface WidgetCopy {
  copy: Copy;
  lang: string;
  dir: 'ltr' | 'rtl';
}

type MergeStoreCopy = typeof import('./mergeStoreCopy.js').mergeStoreCopy;

/**
 * The copy for `config.locale`: English, under the built-in strings of its language
 * (`builtIn`, from loadLocale), under the store's `copy` (`merge`, the lazy mergeStoreCopy,
 * there when the store sets `copy`). A locale with neither built-in nor store copy shows
 * English, and says so in `lang`.
 */
export function getCopy(
  config: { locale: string; copy?: unknown },
  builtIn: Copy | undefined,
  report: ReportProblem,
  merge?: MergeStoreCopy,
): WidgetCopy {
  const { locale } = config;
  const copy = { ...en, ...builtIn };
  const storeWrote = !!merge?.(copy, config.copy, locale, report);
  const lang = storeWrote || builtIn || /^en\b/i.test(locale) ? locale : 'en';
  return { copy, lang, dir: /^(ar|he|fa|ur|ps|yi|ckb)\b/i.test(lang) ? 'rtl' : 'ltr' };
}
