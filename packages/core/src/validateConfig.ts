import { describeValue } from './CartbackError';
import { DEFAULTS, type ResolvedConfig } from './config';

type Check = (value: unknown) => boolean;
type Rule = [check: Check, expected: string];
interface Rules {
  [key: string]: Rule | Rules;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const bool: Rule = [(v) => typeof v === 'boolean', 'true or false'];
const text: Rule = [(v) => typeof v === 'string', 'a string'];
const ms: Rule = [(v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number of milliseconds >= 0, e.g. 5000'];
const amount: Rule = [(v) => typeof v === 'number' && v >= 0 && v < Infinity, 'a number >= 0'];
const patterns: Rule = [(v) => Array.isArray(v) && v.every((s) => typeof s === 'string'), 'an array of URL patterns'];

function isEndpoint(v: unknown): boolean {
  try {
    const url = new URL(v as string);
    return url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname));
  } catch {
    return false;
  }
}

const isLink: Check = (v) => typeof v === 'string' && /^(https?:\/\/|\/|\?|\.)/i.test(v);

const isLocale: Check = (v) => {
  try {
    return typeof v === 'string' && Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false;
  }
};

const RULES: Rules = {
  endpoint: [isEndpoint, 'an absolute https:// URL (http:// only for localhost)'],
  checkoutUrl: [isLink, 'a path like "/checkout" or an http(s) URL'],
  restoreUrl: [isLink, 'a path or http(s) URL template like "/cart?restore={cartId}"'],
  currency: [(v) => typeof v === 'string' && /^[A-Z]{3}$/.test(v), 'a 3-letter ISO 4217 code like "EUR"'],
  locale: [isLocale, 'a language tag like "en" or "de-DE"'],
  theme: [(v) => typeof v === 'string' || isObject(v), 'a preset name like "light" or { preset, vars }'],
  debug: bool,
  requireConsent: bool,
  respectGlobalPrivacyControl: bool,
  abandonAfter: [(v) => Number.isInteger(v) && (v as number) >= 1000, 'a whole number of milliseconds >= 1000, e.g. 1800000'],
  exitIntent: {
    enabled: bool,
    sensitivity: amount,
    armDelay: ms,
    mobile: bool,
    minCartValue: amount,
    cooldown: ms,
    collectEmail: bool,
    include: patterns,
    exclude: patterns,
  },
  banner: {
    enabled: bool,
    position: [(v) => v === 'top' || v === 'bottom' || v === 'corner', '"top", "bottom" or "corner"'],
    cooldown: ms,
  },
  offer: {
    code: text,
    percentOff: [(v) => typeof v === 'number' && v > 0 && v <= 100, 'a number between 0 and 100'],
    validFor: ms,
  },
  experiments: [Array.isArray, 'an array of experiments'],
  copy: [(v) => isObject(v) && Object.values(v).every(isObject), 'an object of per-locale strings like { en: { ... } }'],
};

function check(input: Record<string, unknown>, rules: Rules, path: string, errors: string[], warnings: string[]) {
  for (const key of Object.keys(input)) {
    const value = input[key];
    const rule = rules[key];
    const name = path + key;
    if (value === undefined) continue;
    if (!rule) warnings.push(`[cartback] config.${name} is not an option cartback knows; it is ignored. Check its spelling in the README.`);
    else if (Array.isArray(rule)) {
      if (!rule[0](value)) errors.push(`[cartback] config.${name} must be ${rule[1]} (got ${describeValue(value)}).`);
    } else if (isObject(value)) check(value, rule, name + '.', errors, warnings);
    else errors.push(`[cartback] config.${name} must be an object (got ${describeValue(value)}).`);
  }
}

export interface ConfigResult {
  config?: ResolvedConfig;
  errors: string[];
  warnings: string[];
}

/**
 * Checks every option. Each bad value gives one message naming the option, the value and
 * what is expected; with any error there is no config, and the caller stays inert.
 */
export function validateConfig(input: unknown): ConfigResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (input !== undefined && !isObject(input)) {
    errors.push(`[cartback] config must be an object like { endpoint: "https://..." } (got ${describeValue(input)}).`);
  } else if (input) check(input, RULES, '', errors, warnings);
  const fix = ' Fix it in window.cartbackConfig, the data-* attribute or init(); cartback stays off on this page until then.';
  return {
    config: errors.length ? undefined : ({ ...DEFAULTS, ...(input as object) } as ResolvedConfig),
    errors: errors.map((e) => e + fix),
    warnings,
  };
}
