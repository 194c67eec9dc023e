import type { ReportProblem } from '../diagnostics/checkWidgetOptions.js';
import type { WidgetHost } from '../types.js';

/**
 * The custom properties for `config.theme`. Light is the stylesheet's own look; another
 * preset, or vars, are a file of their own (`cartback-theme.js`), fetched with the widget
 * before anything shows. A file that does not load leaves the light theme, with a warning.
 */
export function loadTheme(theme: unknown, report: ReportProblem, host: Pick<WidgetHost, 'warn'>): Promise<[string, string][]> | [] {
  if (!theme || theme == 'light') return [];
  return import('./getThemeVars.js').then(
    ({ getThemeVars }) => getThemeVars(theme, report),
    (error): [] => (host.warn('chunk_failed', `the theme did not load (${error}); the light theme is used`), []),
  );
}
