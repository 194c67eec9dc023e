import type { WidgetHost } from '../types.js';
import type { OptionProblem } from './checkWidgetOptions.js';

/**
 * The problems of the widget's options (checkWidgetOptions). Their rules are a file of their
 * own (`cartback-widget-options.js`), fetched with the widget only when the store sets
 * `exitIntent`, `offer` or `banner`: without them there is nothing to check. A file that does
 * not load leaves the options unchecked (undefined), so unused: the widget stays off, with a
 * warning (`showExitIntent()` and `showBanner()` still preview it).
 */
export function loadOptionProblems(
  config: { exitIntent?: unknown; offer?: unknown; banner?: unknown },
  host: Pick<WidgetHost, 'warn'>,
): Promise<OptionProblem[] | undefined> | OptionProblem[] {
  if (config.exitIntent === undefined && config.offer === undefined && config.banner === undefined) return [];
  return import('./checkWidgetOptions.js').then(
    ({ checkWidgetOptions }) => checkWidgetOptions(config),
    (error) => void host.warn('chunk_failed', `the widget's option check did not load (${error}); the widget stays off`),
  );
}
