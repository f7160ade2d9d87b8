import { configDefaults, defineConfig } from 'vitest/config';

// Files named *.postgres.test.ts fault a PostgreSQL server (terminate its backends, cut it away): they
// belong to the PostgreSQL pass only (TEST_DATABASE_URL set), and are not collected on PGlite rather
// than collected and skipped. The permission matrices (server/routes/*/permissions.test.ts: fourteen
// kinds of actor against every endpoint of an area in six community states) test the policy module,
// whose answers do not depend on the database, and run on PostgreSQL only too (on PGlite they took
// 85 s of CI's processor time, 7 December 2026); the endpoints they ask are tested on PGlite by their
// own API tests. So does the sample of security controls switched off (server/security-controls.test.ts:
// headers, cookies, the cross-site check, body limit, log redaction; one app each).
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const postgresOnly = [
  '**/*.postgres.test.ts',
  'server/routes/*/permissions.test.ts',
  'server/security-controls.test.ts',
];

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'seed/**/*.test.ts',
      'common/**/*.test.ts',
      'app/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    exclude: onPostgres ? configDefaults.exclude : [...configDefaults.exclude, ...postgresOnly],
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
