import { configDefaults, defineConfig } from 'vitest/config';

// Files named *.postgres.test.ts fault a PostgreSQL server (terminate its backends, cut it away): they
// belong to the PostgreSQL pass only (TEST_DATABASE_URL set), and are not collected on PGlite rather
// than collected and skipped.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'seed/**/*.test.ts',
      'common/**/*.test.ts',
      'app/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    exclude: onPostgres ? configDefaults.exclude : [...configDefaults.exclude, '**/*.postgres.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Each worker process imports the server once and runs its test files one after another (every
    // file still opens its own app and database): importing it per file cost 123 s of the PGlite pass's
    // 614 s and 89 s of PostgreSQL's 284 s in CI (5 December 2026). No test mocks a module or changes
    // the environment, which is what sharing the module cache would leak between files.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['server/test/global-setup.ts'],
  },
});
