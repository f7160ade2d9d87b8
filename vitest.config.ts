import { configDefaults, defineConfig } from 'vitest/config';

// Files named *.postgres.test.ts fault a PostgreSQL server (terminate its backends, cut it away): they
// belong to the PostgreSQL pass only (TEST_DATABASE_URL set), and are not collected on PGlite rather
// than collected and skipped.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: onPostgres ? configDefaults.exclude : [...configDefaults.exclude, '**/*.postgres.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['server/test/global-setup.ts'],
  },
});
