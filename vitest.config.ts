import { defineConfig } from 'vitest/config';

// One test command for the whole repository. Unit and integration tests sit beside the code as
// *.test.ts; browser tests are apps/<app>/e2e/*.spec.ts and run after everything else. Any run,
// including `vitest run <one file>`, first starts the PostgreSQL and MariaDB private to it (unless
// SG_TEST_POSTGRES_URL and SG_TEST_MARIADB_URL name existing ones): see packages/test-databases.
export default defineConfig({
  test: {
    globalSetup: ['./packages/test-databases/src/vitest-global-setup.ts'],
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
