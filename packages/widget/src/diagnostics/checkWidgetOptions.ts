// The entry of the lazy `cartback-widget-options.js` (see loadOptionProblems): the rules of
// the widget's options, fetched only when a store sets some.
import { isRecord, type ConfigProblem } from '@cartback/core';

/**
 * An option of the widget's that broke its rule, or (`unknown`) a key the widget does not know,
 * in the shape of core's config problems; `option` is its path (`exitIntent.armDelay`). Worded
 * by explainWidgetOptions, in the lazy diagnostics chunk.
 */
export type OptionProblem = ConfigProblem;

/** `[test, rules for the keys of an object value, required]`; what each expects is worded by path in widgetDiagnostics.ts. */
type Rule = [test: (v: any) => boolean, nested?: Rules, required?: boolean];
type Rules = Record<string, Rule>;

const isInt = Number.isInteger;
const bool: Rule = [(v) => v === !!v];
const ms = (min: number): Rule => [(v) => isInt(v) && v >= min];
const patterns: Rule = [(v) => Array.isArray(v) && v.every((p) => typeof p == 'string')];

const RULES: Rules = {
  exitIntent: [
    isRecord,
    {
      enabled: bool,
      sensitivity: [(v) => isInt(v) && v >= 0 && v <= 500],
      armDelay: ms(0),
      mobile: [
        (v) => v === !!v || isRecord(v),
        {
          scrollSpeed: [(v) => v === false || (Number.isFinite(v) && v > 0)],
          returnAfter: [(v) => v === false || (isInt(v) && v >= 0)],
        },
      ],
      minCartValue: [(v) => Number.isFinite(v) && v >= 0],
      cooldown: ms(0),
      collectEmail: bool,
      include: patterns,
      exclude: patterns,
      devices: [(v) => v == 'all' || v == 'desktop' || v == 'mobile'],
    },
  ],
  offer: [
    isRecord,
    {
      code: [(v) => typeof v == 'string' && v.length > 0 && v.length <= 64, undefined, true],
      percentOff: [(v) => Number.isFinite(v) && v > 0 && v <= 100],
      validFor: ms(1000),
    },
  ],
  banner: [
    isRecord,
    {
      enabled: bool,
      position: [(v) => v == 'top' || v == 'bottom' || v == 'corner'],
      cooldown: ms(0),
      tabTitle: [(v) => v === !!v || (typeof v == 'string' && !!v.trim())],
    },
  ],
};

/**
 * Checks the options the widget reads (`exitIntent`, `offer`, `banner`; core only checks that
 * they are objects). Any broken rule keeps the widget off; an unknown key only warns.
 */
export function checkWidgetOptions(config: { exitIntent?: unknown; offer?: unknown; banner?: unknown }): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const walk = (path: string, value: Record<string, unknown>, rules: Rules, top?: boolean) => {
    if (!top) for (const key in value) if (!Object.prototype.hasOwnProperty.call(rules, key)) problems.push({ option: path + key, value: value[key], unknown: true });
    for (const key in rules) {
      const [test, nested, required] = rules[key]!;
      const v = value[key];
      if (v === undefined ? required : !test(v)) problems.push({ option: path + key, value: v });
      else if (nested && isRecord(v)) walk(path + key + '.', v, nested);
    }
  };
  walk('', config as Record<string, unknown>, RULES, true);
  return problems;
}

/**
 * A mistake in `theme` or `copy`, which turns nothing off (the light theme or the built-in
 * text stands in): reported where they are read (getThemeVars, getCopy), worded by
 * explainFallback in the lazy diagnostics chunk.
 */
export type ReportProblem = (code: 'invalid_theme' | 'invalid_copy' | 'unknown_option', path: string, value: unknown) => void;
