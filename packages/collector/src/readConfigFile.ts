import { readFileSync } from 'node:fs';

/** Reports one mistake in a config file, naming the field, the value and the fix; never returns. */
export type Fail = (field: string, problem: string, value: unknown, fix: string) => never;

/**
 * The JSON in a config file of the collector's, and how to report a mistake in it: one error,
 * made by `makeError`, naming the file, the field, the value and the fix. A file that cannot
 * be read as JSON is such a mistake, with `shape` as its fix.
 */
export function readConfigFile(file: string, shape: string, makeError: (message: string) => Error): { raw: unknown; fail: Fail } {
  const fail: Fail = (field, problem, value, fix) => {
    throw makeError(`[cartback collector] ${file}: ${field} ${problem} (${JSON.stringify(value)}). ${fix}.`);
  };
  try {
    return { raw: JSON.parse(readFileSync(file, 'utf8')), fail };
  } catch (error) {
    return fail('(file)', 'cannot be read as JSON', (error as Error).message, shape);
  }
}
