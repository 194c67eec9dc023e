import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// One runner, two projects: fast unit tests in Node, and end-to-end tests that drive
// the system Chromium against the built files (see e2e/support/launchBrowser.ts). The unit
// tests run first and the browser tests after them, one file at a time: the measurements
// among the browser tests (long tasks, frames, layout shift) then share the machine's two
// cores with no other test.
export default defineConfig({
  test: {
    projects: [
      {
        // The packages' sources, as tsconfig's paths name them (not their built dist/).
        resolve: {
          alias: [
            { find: /^@cartback\/core$/, replacement: source('./packages/core/src/index.ts') },
            { find: /^@cartback\/core\/idle$/, replacement: source('./packages/core/src/idle/startIdleWork.ts') },
            { find: /^@cartback\/core\/diagnostics$/, replacement: source('./packages/core/src/diagnostics/index.ts') },
            { find: /^@cartback\/adapters$/, replacement: source('./packages/adapters/src/index.ts') },
            { find: /^@cartback\/widget\/ui$/, replacement: source('./packages/widget/src/ui.ts') },
            { find: /^@cartback\/widget$/, replacement: source('./packages/widget/src/index.ts') },
          ],
        },
        test: {
          name: 'unit',
          environment: 'node',
          sequence: { groupOrder: 0 },
          include: ['packages/*/src/**/*.test.ts', 'examples/**/*.test.ts', 'bundleSize.test.ts', 'architecture.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // One browser at a time, after the unit tests: the machine has two cores and timing-sensitive tests.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
