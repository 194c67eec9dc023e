import { defineConfig } from 'vitest/config';

// One runner, two projects: fast unit tests in Node, and end-to-end tests that drive
// the system Chromium against the built files (see e2e/support/launchBrowser.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts', 'examples/**/*.test.ts', 'bundleSize.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // One browser at a time: the machine has two cores and timing-sensitive tests.
          fileParallelism: false,
        },
      },
    ],
  },
});
