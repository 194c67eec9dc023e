import { describeValue } from './CartbackError.js';
import type { ConfigProblem } from './checkConfig.js';

/** What each kind of rule expects, worded for the store's developer. */
const EXPECTED: Record<string, string> = {
  b: 'true or false',
  u: 'an absolute https:// URL (http:// only for localhost)',
  l: 'a path like "/checkout" or an http(s) URL',
  c: 'a 3-letter ISO 4217 code like "EUR"',
  g: 'a language tag like "en" or "de-DE"',
  t: 'a preset name like "light" or { preset, vars }',
  a: 'a whole number of milliseconds >= 1000, e.g. 1800000',
  w: 'an object',
  r: 'an array of experiments',
  y: 'an object of per-locale strings like { en: { ... } }',
  p: '"shopify", "woocommerce", "datalayer" or false',
  config: 'an object like { endpoint: "https://..." }',
};

const FIX = ' Fix it in window.cartbackConfig, the data-* attribute or init(); cartback stays off on this page until then.';

/** Words the problems checkConfig found: one error per bad option, one warning per unknown one. */
export function explainConfig(problems: ConfigProblem[]): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const [path, value, kind] of problems) {
    const name = path ? 'config.' + path : 'config';
    if (kind == '?') warnings.push(`[cartback] ${name} is not an option cartback knows; it is ignored. Check its spelling in the README.`);
    else errors.push(`[cartback] ${name} must be ${EXPECTED[kind]} (got ${describeValue(value)}).${FIX}`);
  }
  return { errors, warnings };
}
