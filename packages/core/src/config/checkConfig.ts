import { DEFAULTS, type ResolvedConfig } from './config.js';
import { isRecord } from '../engine/isRecord.js';

/** An option that breaks its rule, or (`unknown`) one cartback does not know; `option` '' is the whole config. */
export interface ConfigProblem {
  option: string;
  value: unknown;
  unknown?: true;
}

function isEndpoint(v: unknown): boolean {
  try {
    const url = new URL(v as string);
    return url.protocol == 'https:' || (url.protocol == 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname));
  } catch {
    return false;
  }
}

const isBoolean = (v: unknown) => v === true || v === false;
const isLink = (v: any) => /^(https?:\/\/|\/|\?|\.)/i.test(v);
const isDuration = (v: any) => Number.isInteger(v) && v >= 1000;
/** A 3-letter ISO 4217 code like "EUR". */
export const isCurrencyCode = (v: any): v is string => /^[A-Z]{3}$/.test(v);

/** Each option's rule; the wording of what it expects is in the lazy diagnostics chunk. */
const RULES: Record<string, (value: any) => unknown> = {
  endpoint: isEndpoint,
  checkoutUrl: isLink,
  restoreUrl: isLink,
  privacyUrl: isLink,
  currency: isCurrencyCode,
  locale: (v) => /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i.test(v),
  theme: (v) => typeof v == 'string' || isRecord(v),
  debug: isBoolean,
  requireConsent: isBoolean,
  respectGlobalPrivacyControl: isBoolean,
  abandonAfter: isDuration,
  returnGrace: isDuration,
  // The widget's own options are checked inside by the widget chunk, which uses them.
  exitIntent: isRecord,
  banner: isRecord,
  offer: isRecord,
  experiments: Array.isArray,
  copy: (v) => isRecord(v) && Object.values(v).every(isRecord),
  platform: (v) => v === false || /^(shopify|woocommerce|datalayer)$/.test(v),
};

/**
 * Checks every option. With any broken rule there is no config: the caller stays inert and
 * has the problems explained (explainConfig). Unknown options only warn, and are left out.
 * Options set to undefined keep their defaults. Only the input's own keys count, looked up
 * as own keys of RULES: an option named `constructor` or `toString` is just unknown.
 */
export function checkConfig(input: unknown): { config?: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const options: Record<string, unknown> = {};
  if (input !== undefined && !isRecord(input)) problems.push({ option: '', value: input });
  else
    for (const [option, value] of Object.entries(input ?? {})) {
      const rule = Object.prototype.hasOwnProperty.call(RULES, option) ? RULES[option] : undefined;
      if (value === undefined) continue;
      if (!rule) problems.push({ option, value, unknown: true });
      else if (!rule(value)) problems.push({ option, value });
      else options[option] = value;
    }
  const ok = problems.every((problem) => problem.unknown);
  return { config: ok ? ({ ...DEFAULTS, ...options } as ResolvedConfig) : undefined, problems };
}
