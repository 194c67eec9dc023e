import { fill, type PluralText } from './copy.js';

/** `forms` for `count` in `locale`: its plural category's form (or `other`), `{count}` in the language's digits. */
export function formatCount(forms: PluralText, count: number, locale: string): string {
  try {
    return fill(forms[new Intl.PluralRules(locale).select(count)] ?? forms.other, { count: new Intl.NumberFormat(locale).format(count) }).join('');
  } catch {
    // A well-formed tag this browser's Intl still rejects (see formatMoney).
    return formatCount(forms, count, 'en');
  }
}
