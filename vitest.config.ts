import { configDefaults, defineConfig } from 'vitest/config';

// Files named *.postgres.test.ts fault a PostgreSQL server (terminate its backends, cut it away): they
// belong to the PostgreSQL pass only (TEST_DATABASE_URL set), and are not collected on PGlite rather
// than collected and skipped. Files named *.embedded.test.ts test what only the embedded database has
// (the data folder's lock), and belong to the PGlite pass only.
//
// A few large files test what does not depend on the database, and run on PGlite only, since the
// PostgreSQL pass is CI's critical path (the journeys wait for it, while the PGlite pass runs beside
// them at a lower priority): the permission matrices (server/routes/*/permissions.test.ts: fourteen
// kinds of actor against every endpoint of an area in six community states) test the policy module; the
// sample of security controls switched off (server/security-controls.test.ts: headers, cookies, the
// cross-site check, body limit, log redaction; one app each) tests the HTTP layer; the schema-driven
// fuzzing (server/routes/fuzz.test.ts: broken input to every route, never a 5xx) tests the validation
// in front of every query. On PostgreSQL they took 98 s of the pass's 379 (7 December 2026). The
// endpoints they ask are tested on PostgreSQL by their own API tests.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const postgresOnly = ['**/*.postgres.test.ts'];
const pgliteOnly = [
  '**/*.embedded.test.ts',
  'server/routes/*/permissions.test.ts',
  'server/security-controls.test.ts',
  'server/routes/fuzz.test.ts',
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
    exclude: [...configDefaults.exclude, ...(onPostgres ? pgliteOnly : postgresOnly)],
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
