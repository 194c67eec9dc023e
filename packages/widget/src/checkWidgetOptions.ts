import { describeValue } from '@cartback/core';
import { isRecord } from './isRecord.js';

/** `[test, what it expects, rules for the keys of an object value, required]`. */
type Rule = [test: (v: any) => boolean, expected: string, nested?: Rules, required?: boolean];
type Rules = Record<string, Rule>;

const isInt = Number.isInteger;
const bool: Rule = [(v) => v === !!v, 'true or false'];
const ms = (min: number): Rule => [(v) => isInt(v) && v >= min, `a whole number of milliseconds >= ${min}`];
const patterns: Rule = [(v) => Array.isArray(v) && v.every((p) => typeof p == 'string'), 'an array of path patterns like ["/checkout*"]'];

const MOBILE: Rules = {
  scrollSpeed: [(v) => v === false || (Number.isFinite(v) && v > 0), 'a speed in px/s > 0, or false'],
  returnAfter: [(v) => v === false || (isInt(v) && v >= 0), 'a whole number of milliseconds >= 0, or false'],
};

const RULES: Rules = {
  exitIntent: [
    isRecord,
    'an object like { enabled: true }',
    {
      enabled: bool,
      sensitivity: [(v) => isInt(v) && v >= 0 && v <= 500, 'a whole number of pixels from 0 to 500'],
      armDelay: ms(0),
      mobile: [(v) => v === !!v || isRecord(v), 'true, false or { scrollSpeed, returnAfter }', MOBILE],
      minCartValue: [(v) => Number.isFinite(v) && v >= 0, 'a number >= 0'],
      cooldown: ms(0),
      collectEmail: bool,
      include: patterns,
      exclude: patterns,
      devices: [(v) => v == 'all' || v == 'desktop' || v == 'mobile', '"all", "desktop" or "mobile"'],
    },
  ],
  offer: [
    isRecord,
    'an object like { code: "SAVE10", percentOff: 10 }',
    {
      code: [(v) => typeof v == 'string' && v.length > 0 && v.length <= 64, 'a non-empty string of at most 64 characters', undefined, true],
      percentOff: [(v) => Number.isFinite(v) && v > 0 && v <= 100, 'a number > 0 and <= 100'],
      validFor: ms(1000),
    },
  ],
};

const FIX = ' Fix it in window.cartbackConfig, the data-* attribute or init(); the exit-intent modal stays off until then.';

/**
 * Checks the options the widget reads (`exitIntent`, `offer`; core only checks that they are
 * objects). Each broken rule is one error, and any error keeps the modal off; an unknown
 * key only warns.
 */
export function checkWidgetOptions(config: { exitIntent?: unknown; offer?: unknown }): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const walk = (path: string, value: Record<string, unknown>, rules: Rules, top?: boolean) => {
    if (!top)
      for (const key in value)
        if (!Object.prototype.hasOwnProperty.call(rules, key))
          warnings.push(`${path}${key} is not an option cartback knows; it is ignored. Check its spelling in the README.`);
    for (const key in rules) {
      const [test, expected, nested, required] = rules[key]!;
      const v = value[key];
      if (v === undefined ? required : !test(v))
        errors.push(`${path}${key} must be ${expected} (got ${describeValue(v)}).${FIX}`);
      else if (nested && isRecord(v)) walk(path + key + '.', v, nested);
    }
  };
  walk('config.', config as Record<string, unknown>, RULES, true);
  return { errors, warnings };
}
