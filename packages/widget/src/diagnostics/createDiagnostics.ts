import type { ReportProblem } from './checkWidgetOptions.js';
import type { WidgetHost } from '../types.js';

type Words = typeof import('./widgetDiagnostics.js');

/** Runs `fn` with the diagnostics' wording, once it has loaded. */
export type Diagnose = (fn: (words: Words) => void) => void;

/**
 * The widget's messages to the store's developer. Their wording is a file of its own
 * (`cartback-widget-diagnostics.js`), fetched the first time there is something to say:
 * `diagnose(fn)` runs `fn` with it, in call order; `report` says a `theme` or `copy` mistake.
 */
export function createDiagnostics(host: WidgetHost) {
  let words: Promise<Words> | undefined;
  const diagnose: Diagnose = (fn) =>
    void (words ??= import('./widgetDiagnostics.js')).then(fn, (error) =>
      host.warn('chunk_failed', `the widget's diagnostics did not load (${error}); see the README for its options`),
    );
  const report: ReportProblem = (code, path, value) =>
    diagnose(({ explainFallback }) => host[code == 'unknown_option' ? 'warn' : 'reject'](code, explainFallback(code, path, value)));
  return { diagnose, report };
}
