import { defineConfig } from 'vitest/config';

// One test command for the whole repository. Unit and integration tests sit beside the code as
// *.test.ts; browser tests are apps/<app>/e2e/*.spec.ts and run after everything else.
export default defineConfig({
  test: {
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{packages,connectors,simulators,pipelines,semantic,bench}/**/src/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/*/e2e/**/*.spec.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
