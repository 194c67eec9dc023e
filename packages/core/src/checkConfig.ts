import { DEFAULTS, type ResolvedConfig } from './config';

/** `[path, value, kind]`: kind names the rule broken (see explainConfig), '?' an unknown option. */
export type ConfigProblem = [path: string, value: unknown, kind: string];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && v != null && !Array.isArray(v);
const isMs = (v: unknown, min = 0) => Number.isInteger(v) && (v as number) >= min;

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
  s: (v) => typeof v == 'string',
  m: (v) => isMs(v),
  n: (v) => typeof v == 'number' && v >= 0 && v < 1 / 0,
  p: (v) => Array.isArray(v) && v.every((s) => typeof s == 'string'),
  u: isEndpoint,
  l: (v) => /^(https?:\/\/|\/|\?|\.)/i.test(v),
  c: (v) => /^[A-Z]{3}$/.test(v),
  g: (v) => {
    try {
      return Intl.getCanonicalLocales(v).length == 1;
    } catch {}
  },
  t: (v) => typeof v == 'string' || isObject(v),
  a: (v) => isMs(v, 1000),
  o: (v) => /^(top|bottom|corner)$/.test(v),
  '%': (v) => v > 0 && v <= 100,
  r: Array.isArray,
  y: (v) => isObject(v) && Object.values(v).every(isObject),
};

type Rules = { [key: string]: string | Rules };

const RULES: Rules = {
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
  exitIntent: {
    enabled: 'b',
    sensitivity: 'n',
    armDelay: 'm',
    mobile: 'b',
    minCartValue: 'n',
    cooldown: 'm',
    collectEmail: 'b',
    include: 'p',
    exclude: 'p',
  },
  banner: { enabled: 'b', position: 'o', cooldown: 'm' },
  offer: { code: 's', percentOff: '%', validFor: 'm' },
  experiments: 'r',
  copy: 'y',
};

function check(input: Record<string, unknown>, rules: Rules, path: string, problems: ConfigProblem[]) {
  for (const key in input) {
    const value = input[key];
    const rule = rules[key];
    const name = path + key;
    if (value === undefined) continue;
    if (!rule) problems.push([name, value, '?']);
    else if (typeof rule == 'string') CHECKS[rule]!(value) || problems.push([name, value, rule]);
    else if (isObject(value)) check(value, rule, name + '.', problems);
    else problems.push([name, value, 'object']);
  }
}

/**
 * Checks every option. With any broken rule there is no config: the caller stays inert and
 * has the problems explained (explainConfig). Unknown options only warn. Options set to
 * undefined keep their defaults.
 */
export function checkConfig(input: unknown): { config?: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (input !== undefined && !isObject(input)) problems.push(['', input, 'config']);
  else if (input) check(input, RULES, '', problems);
  const ok = problems.every((p) => p[2] == '?');
  return {
    config: ok
      ? (Object.assign({ ...DEFAULTS }, ...Object.entries(input ?? {}).map(([k, v]) => v !== undefined && { [k]: v })) as ResolvedConfig)
      : undefined,
    problems,
  };
}
