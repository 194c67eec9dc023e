import { describeValue } from '../engine/CartbackError.js';
import type { ConfigProblem } from '../config/checkConfig.js';
import { docsLink } from './docsLink.js';

const URL = 'an absolute https:// URL (http:// only for localhost)';
const LINK = 'a path like "/checkout" or an http(s) URL';
const BOOLEAN = 'true or false';
const DURATION = 'a whole number of milliseconds >= 1000, e.g. 1800000';
const OBJECT = 'an object';

/** What each option expects, worded for the store's developer. */
const EXPECTED: Record<string, string> = {
  '': 'an object like { endpoint: "https://..." }',
  endpoint: URL,
  checkoutUrl: LINK,
  restoreUrl: LINK,
  privacyUrl: LINK,
  currency: 'a 3-letter ISO 4217 code like "EUR"',
  locale: 'a language tag like "en" or "de-DE"',
  theme: 'a preset name like "light" or { preset, vars }',
  debug: BOOLEAN,
  requireConsent: BOOLEAN,
  respectGlobalPrivacyControl: BOOLEAN,
  abandonAfter: DURATION,
  returnGrace: DURATION,
  exitIntent: OBJECT,
  banner: OBJECT,
  offer: OBJECT,
  experiments: 'an array of experiments',
  copy: 'an object of per-locale strings like { en: { ... } }',
  platform: '"shopify", "woocommerce", "datalayer" or false',
};

const FIX = ' Fix it in window.cartbackConfig, the data-* attribute or init(); cartback stays off on this page until then.';

/** Words the problems checkConfig found: one error per bad option, one warning per unknown one. */
export function explainConfig(problems: ConfigProblem[]): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const { option, value, unknown } of problems) {
    const name = option ? 'config.' + option : 'config';
    if (unknown) warnings.push(`[cartback] ${name} is not an option cartback knows; it is ignored. Check its spelling: ${docsLink('configuration')}`);
    else errors.push(`[cartback] ${name} must be ${EXPECTED[option]} (got ${describeValue(value)}).${FIX} ${docsLink('errors', 'invalid_config')}`);
  }
  return { errors, warnings };
}
