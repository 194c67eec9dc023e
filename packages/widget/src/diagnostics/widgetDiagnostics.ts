// The entry of the widget's lazy diagnostics chunk (`cartback-widget-diagnostics.js`): the
// wording of option mistakes, unsafe URLs and `debug` explanations, fetched only when there
// is something to say, so that a correctly set-up shop never downloads it.
import { describeValue } from '@cartback/core';
import type { OptionProblem, ReportProblem } from './checkWidgetOptions.js';
import { themes } from '../theme/themes.js';
import { docsLink } from '@cartback/core/diagnostics';

export { explainSuppression } from './explainSuppression.js';

const BOOL = 'true or false';
const MS = 'a whole number of milliseconds >= 0';
const PATTERNS = 'an array of path patterns like ["/checkout*"]';

/** What each option must be, by path (the rules themselves are in checkWidgetOptions.ts). */
const EXPECTED: Record<string, string> = {
  exitIntent: 'an object like { enabled: true }',
  'exitIntent.enabled': BOOL,
  'exitIntent.sensitivity': 'a whole number of pixels from 0 to 500',
  'exitIntent.armDelay': MS,
  'exitIntent.mobile': 'true, false or { scrollSpeed, returnAfter }',
  'exitIntent.mobile.scrollSpeed': 'a speed in px/s > 0, or false',
  'exitIntent.mobile.returnAfter': MS + ', or false',
  'exitIntent.minCartValue': 'a number >= 0',
  'exitIntent.cooldown': MS,
  'exitIntent.collectEmail': BOOL,
  'exitIntent.include': PATTERNS,
  'exitIntent.exclude': PATTERNS,
  'exitIntent.devices': '"all", "desktop" or "mobile"',
  offer: 'an object like { code: "SAVE10", percentOff: 10 }',
  'offer.code': 'a non-empty string of at most 64 characters',
  'offer.percentOff': 'a number > 0 and <= 100',
  'offer.validFor': 'a whole number of milliseconds >= 1000',
  banner: 'an object like { position: "bottom" }',
  'banner.enabled': BOOL,
  'banner.position': '"top", "bottom" or "corner"',
  'banner.cooldown': MS,
  'banner.tabTitle': 'true, false or the title to show, like "🛒 Your cart is waiting"',
};

const FIX = ' Fix it in window.cartbackConfig, the data-* attribute or init();';
const unknown = (path: string) => `${path} is not an option cartback knows; it is ignored. Check its spelling: ${docsLink('configuration')}`;

/** One message per problem: the option, the value and the fix; unknown keys are warnings. */
export function explainWidgetOptions(problems: OptionProblem[]): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const { option, value, unknown: isUnknown } of problems)
    if (isUnknown) warnings.push(unknown('config.' + option));
    else errors.push(`config.${option} must be ${EXPECTED[option]} (got ${describeValue(value)}).${FIX} the widget stays off until then.`);
  return { errors, warnings };
}

/** The message for a mistake in `theme` or `copy` (see ReportProblem): what stands in instead. */
export function explainFallback(...[code, path, value]: Parameters<ReportProblem>): string {
  if (code == 'unknown_option') return unknown(path);
  const [expected, instead] = path.startsWith('config.theme.vars')
    ? ['a "--cb-*" name with a CSS value without ; { } \\ or url()', 'the preset']
    : path.endsWith('accentProperty')
      ? ['a custom property name like "--brand"', "the page's buttons and links"]
      : code == 'invalid_theme'
        ? [`"auto", "${Object.keys(themes).join('", "')}"`, 'the light theme']
        : path.endsWith('itemCount')
          ? ['plural forms like { one: "{count} item", other: "{count} items" }', 'the built-in text']
          : ['a string', 'the built-in text'];
  return `${path} must be ${expected} (got ${describeValue(value)}).${FIX} until then ${instead} is used.`;
}

/** The warning for a URL the store gave that is not safe in `src` or `href` (createUrlCheck): `what` it was. */
export function explainUnsafeUrl(what: string, url: unknown): string {
  return `${what} ${describeValue(url)} was dropped: only http(s) or relative URLs are used, so that a link or image cannot run script. Pass an https:// or relative URL.`;
}
