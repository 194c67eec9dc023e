import type { ConfigProblem } from './checkConfig.js';

/**
 * Prints what is wrong with a config, one line per option. The wording is a lazy chunk,
 * fetched only when there is something to say, so that every page does not carry it.
 */
export function reportConfigProblems(problems: ConfigProblem[], console: Pick<Console, 'warn' | 'error'>): void {
  if (!problems.length) return;
  void import('../diagnostics/index.js').then(
    ({ explainConfig }) => {
      const { errors, warnings } = explainConfig(problems);
      warnings.forEach((w) => console.warn(w));
      errors.forEach((e) => console.error(e));
    },
    () => console.error('[cartback] config is invalid:', problems),
  );
}
