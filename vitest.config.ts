import { defineConfig } from 'vitest/config';

const integration = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'];
// Tests about the embedded database's own behaviour run once, on PGlite.
const pgliteOnly = ['test/durability.int.test.ts', 'test/shutdown.int.test.ts', 'test/cli.int.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int-pglite',
          include: integration,
          env: { MERIMNA_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'int-postgres',
          include: integration,
          exclude: pgliteOnly,
          env: { MERIMNA_TEST_DB: 'postgres' },
          globalSetup: ['test/setup/global-postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
