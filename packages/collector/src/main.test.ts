import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

// The tests import the collector through vitest, whose module interop forgives what Node's own
// ESM loader refuses (a named import from a CommonJS package): run the CLI the way `npm start`
// and a store do, with every module it loads.
describe('the collector CLI', () => {
  it('loads all its modules under Node and prints its usage', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', main, '--help']);
    expect(stdout).toMatch(/^Usage: /);
  }, 30_000);
});
