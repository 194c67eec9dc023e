import type { ReportProblem } from '../diagnostics/checkWidgetOptions.js';
import { isRecord } from '@cartback/core';
import { themes } from './themes.js';

/**
 * The custom properties to set on the shadow host for `config.theme` (`"dark"`, or
 * `{ preset, vars }`): the preset's (none for `auto`, read from the page), then the store's own. An unknown preset, or a var that
 * is not `--cb-*` with a value that stays one CSS value and loads nothing (no `;` `{` `}` to
 * end the declaration, no `\` escape to hide the rest, no `url()` or `image-set()` to make a
 * request), is a mistake reported to the store's developer; the light theme or the preset's
 * value stands in.
 */
export function getThemeVars(theme: unknown, report: ReportProblem): [name: string, value: string][] {
  const named = typeof theme == 'string';
  const { preset = 'auto', vars = {} } = (named ? { preset: theme } : theme || {}) as Record<string, unknown>;
  // `auto` is read from the page (readPageTheme): the store's vars go over it.
  const known = preset == 'auto' || Object.prototype.hasOwnProperty.call(themes, preset as string);
  if (!known) report('invalid_theme', named ? 'config.theme' : 'config.theme.preset', preset);
  return [
    ...Object.entries((known && themes[preset as string]) || {}).map(([name, value]): [string, string] => ['--cb-' + name, value]),
    ...Object.entries(isRecord(vars) ? vars : { '': vars }).filter((entry): entry is [string, string] => {
      const [name, value] = entry;
      const ok = /^--cb-[\w-]+$/.test(name) && typeof value == 'string' && !/[;{}\\]|url\(|image/i.test(value);
      if (!ok) report('invalid_theme', `config.theme.vars["${name}"]`, value);
      return ok;
    }),
  ];
}
