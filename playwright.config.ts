import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/browser.ts';
import { e2ePort } from './e2e/support/run-data.ts';

const port = e2ePort;

type TraceMode = 'off' | 'on' | 'retain-on-failure' | 'on-first-retry' | 'retain-on-first-failure';
function traceMode(value: string | undefined): TraceMode {
  const modes: TraceMode[] = ['off', 'on', 'retain-on-failure', 'on-first-retry', 'retain-on-first-failure'];
  return modes.find((mode) => mode === value) ?? 'off';
}
const launch = await chromiumLaunchOptions();
const aloneJourneys = ['auth/sso.spec.ts', 'proposals/charter-template.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Per port, so the smoke run (its own port, at the same time as the journeys) keeps its own traces.
  outputDir: `test-results/port-${port}`,
  // Two journeys at a time unless E2E_WORKERS says otherwise (the journeys of one file always run in
  // order in one worker). Alone on the 2-core machine, two at once took 215 s where one at a time took
  // 461 s (6 December 2026); beside the API tests (as until then) two gained nothing. On more cores,
  // raise it.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: true,
  retries: 0,
  // A journey walks a whole user story with an axe scan on every state: 47-52 s alone on an idle
  // 2-core machine for the longest, about twice that while the checks lane runs beside it.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // The bootstrap journey creates the administrator on the fresh install, so it runs before the others.
  projects: [
    { name: 'bootstrap', testMatch: 'foundation/bootstrap.spec.ts' },
    // The two people the community journeys share, made once before the journeys run side by side.
    { name: 'cast', testMatch: 'foundation/cast.spec.ts', dependencies: ['bootstrap'] },
    {
      name: 'together',
      testIgnore: ['foundation/bootstrap.spec.ts', 'foundation/cast.spec.ts', 'smoke/**', ...aloneJourneys],
      dependencies: ['cast'],
      // Two at once keep both cores busy: a journey that fails there runs once more in a new worker,
      // and the report names it flaky (a real failure fails twice).
      retries: 1,
    },
    // The journeys that change what every journey meets (SSO-only sign-in, the charter template) run
    // after the others, one at a time; `--project=journeys` runs them all, these last.
    { name: 'journeys', testMatch: aloneJourneys, dependencies: ['together'], workers: 1 },
    // The short run on the embedded database while the journeys run on PostgreSQL (scripts/test.ts).
    { name: 'smoke', testMatch: 'smoke/**/*.spec.ts', dependencies: ['bootstrap'] },
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: launch,
    // Traces are off unless E2E_TRACE names a mode (e.g. retain-on-failure): recording one for every
    // journey cost about a fifth of the journeys' time (6 December 2026), and a failure still leaves its
    // screenshot and the page's ARIA snapshot (error-context.md) in test-results/.
    trace: traceMode(process.env.E2E_TRACE),
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node e2e/support/server.ts',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://localhost:${port}`,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      // Sign-ups through the API (createConfirmedPerson) each come from their own address (X-Forwarded-For),
      // so the journeys' many made-up people stay under the per-address sign-up limit, as real people do.
      TRUST_PROXY: 'true',
    },
  },
});
