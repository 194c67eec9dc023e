import { DEFAULTS, type ResolvedConfig } from './config.js';
import { isRecord } from './isRecord.js';

/** `[path, value, kind]`: kind names the rule broken (see explainConfig), '?' an unknown option. */
export type ConfigProblem = [path: string, value: unknown, kind: string];


function isEndpoint(v: unknown): boolean {
  try {
    const url = new URL(v as string);
    return url.protocol == 'https:' || (url.protocol == 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname));
  } catch {
    return false;
  }
}

/** The rules, by kind; their wording lives in the lazy diagnostics chunk, keyed the same. */
export const CHECKS: Record<string, (v: any) => unknown> = {
  b: (v) => v === !!v,
  u: isEndpoint,
  l: (v) => /^(https?:\/\/|\/|\?|\.)/i.test(v),
  c: (v) => /^[A-Z]{3}$/.test(v),
  g: (v) => /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i.test(v),
  t: (v) => typeof v == 'string' || isRecord(v),
  a: (v) => Number.isInteger(v) && v >= 1000,
  w: isRecord,
  r: Array.isArray,
  y: (v) => isRecord(v) && Object.values(v).every(isRecord),
  p: (v) => v === false || /^(shopify|woocommerce|datalayer)$/.test(v),
};

const RULES: Record<string, string> = {
  endpoint: 'u',
  checkoutUrl: 'l',
  restoreUrl: 'l',
  currency: 'c',
  locale: 'g',
  theme: 't',
  debug: 'b',
  requireConsent: 'b',
  respectGlobalPrivacyControl: 'b',
  abandonAfter: 'a',
  returnGrace: 'a',
  // The widget's own options are checked inside by the widget chunk, which uses them.
  exitIntent: 'w',
  banner: 'w',
  offer: 'w',
  experiments: 'r',
  copy: 'y',
  platform: 'p',
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
  if (input !== undefined && !isRecord(input)) problems.push(['', input, 'config']);
  else
    for (const [key, value] of Object.entries(input ?? {})) {
      const rule = Object.prototype.hasOwnProperty.call(RULES, key) ? RULES[key]! : undefined;
      if (value === undefined) continue;
      if (!rule) problems.push([key, value, '?']);
      else if (!CHECKS[rule]!(value)) problems.push([key, value, rule]);
      else options[key] = value;
    }
  const ok = problems.every((p) => p[2] == '?');
  return { config: ok ? ({ ...DEFAULTS, ...options } as ResolvedConfig) : undefined, problems };
}
