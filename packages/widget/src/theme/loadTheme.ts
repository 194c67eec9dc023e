import type { ReportProblem } from '../diagnostics/checkWidgetOptions.js';
import type { WidgetHost } from '../types.js';

/**
 * The custom properties for `config.theme`, fetched with the widget before anything shows.
 * Light is the stylesheet's own look. `auto` (the default) reads the page (`cartback-page-theme.js`);
 * another preset, or vars, are `cartback-theme.js`, laid over it. A file that does not load
 * leaves the light theme, with a warning.
 */
export function loadTheme(theme: unknown, report: ReportProblem, host: Pick<WidgetHost, 'warn' | 'debug' | 'window'>): Promise<[string, string][]> | [] {
  if (theme == 'light') return [];
  const { preset = 'auto', vars, accentProperty } = (typeof theme == 'string' ? { preset: theme } : theme || {}) as Record<string, unknown>;
  const failed = (error: unknown): [] => (host.warn('chunk_failed', `the theme did not load (${error}); the light theme is used`), []);
  return Promise.all([
    preset != 'auto'
      ? []
      : import('./readPageTheme.js').then(({ readPageTheme }) => {
          const auto = readPageTheme(host.window, accentProperty, report);
          auto.notes.forEach((note) => host.debug('theme auto: ' + note));
          return auto.vars;
        }, failed),
    preset == 'auto' && !vars ? [] : import('./getThemeVars.js').then(({ getThemeVars }) => getThemeVars(theme, report), failed),
  ]).then(([auto, given]) => [...auto, ...given]);
}
