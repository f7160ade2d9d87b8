// `npm test`: every check once, in phases, and a table of what each took and counted at the end.
//
//   static      Biome (lint and format), the TypeScript type check, the migration drift check
//   unit        the API and unit tests (Vitest) on PGlite, and on PostgreSQL when TEST_DATABASE_URL
//               names a server
//   journeys    the browser journeys (Playwright with axe) once: on PostgreSQL when TEST_DATABASE_URL
//               is set, otherwise on PGlite
//   smoke       with TEST_DATABASE_URL set, a short journey on the embedded database (fresh data
//               folder, start, sign up, a page of each capability), since the journeys ran on PostgreSQL
//
// Every phase runs even when an earlier one failed, so one run names every failure; the exit code is 1
// when any failed. `npm test -- --phase unit` runs one phase (static, unit, journeys or smoke).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const reports = path.join(root, '.test-results');

interface Counts {
  passed: number;
  failed: number;
}

interface PhaseResult {
  name: string;
  ok: boolean;
  seconds: number;
  counts?: Counts;
}

type Env = Record<string, string | undefined>;

function run(command: string, args: string[], env: Env): Promise<boolean> {
  return new Promise((resolve) => {
    const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
    const child = spawn(command, args, { cwd: root, env: defined, stdio: 'inherit' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Vitest's JSON report: numPassedTests and numFailedTests. */
function vitestCounts(file: string): Counts | undefined {
  const report = readJson(file) as { numPassedTests?: number; numFailedTests?: number } | undefined;
  if (typeof report?.numPassedTests !== 'number') return undefined;
  return { passed: report.numPassedTests, failed: report.numFailedTests ?? 0 };
}

/** Playwright's JSON report: expected (passed), unexpected and flaky (failed on some try). */
function playwrightCounts(file: string): Counts | undefined {
  const report = readJson(file) as { stats?: { expected?: number; unexpected?: number; flaky?: number } };
  if (typeof report?.stats?.expected !== 'number') return undefined;
  return {
    passed: report.stats.expected,
    failed: (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0),
  };
}

const results: PhaseResult[] = [];

async function phase(name: string, body: () => Promise<{ ok: boolean; counts?: Counts }>): Promise<void> {
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const { ok, counts } = await body();
  const seconds = (performance.now() - started) / 1000;
  results.push({ name, ok, seconds, ...(counts ? { counts } : {}) });
  console.log(`=== ${name}: ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s ===`);
}

// The project's Node (24, from node_modules/.bin) for every child, also when run as `node scripts/test.ts`.
const baseEnv: Env = {
  ...process.env,
  PATH: [path.join(root, 'node_modules/.bin'), process.env.PATH].filter(Boolean).join(path.delimiter),
};
const postgresUrl = baseEnv.TEST_DATABASE_URL || undefined;
const pgliteEnv: Env = { ...baseEnv, TEST_DATABASE_URL: undefined, DATABASE_URL: undefined };

async function vitest(label: string, env: Env): Promise<{ ok: boolean; counts?: Counts }> {
  const file = path.join(reports, `vitest-${label}.json`);
  rmSync(file, { force: true });
  const ok = await run(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    env,
  );
  const counts = vitestCounts(file);
  return { ok, ...(counts ? { counts } : {}) };
}

async function playwright(
  label: string,
  project: string,
  env: Env,
): Promise<{ ok: boolean; counts?: Counts }> {
  const file = path.join(reports, `playwright-${label}.json`);
  rmSync(file, { force: true });
  const ok = await run(bin('playwright'), ['test', `--project=${project}`, '--reporter=list,json'], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_FILE: file,
  });
  const counts = playwrightCounts(file);
  return { ok, ...(counts ? { counts } : {}) };
}

const { values } = parseArgs({ options: { phase: { type: 'string', multiple: true } } });
const only = new Set(values.phase ?? []);
const wanted = (name: string) => only.size === 0 || only.has(name);

mkdirSync(reports, { recursive: true });

if (wanted('static')) {
  await phase('lint and format (Biome)', async () => ({
    ok: await run(bin('biome'), ['check', '.'], baseEnv),
  }));
  await phase('type check', async () => ({ ok: await run(bin('tsc'), ['--noEmit'], baseEnv) }));
  await phase('migration drift', async () => ({
    ok: await run(bin('node'), ['scripts/check-migration-drift.ts'], baseEnv),
  }));
}
if (wanted('unit')) {
  await phase('API and unit tests on PGlite', () => vitest('pglite', pgliteEnv));
  if (postgresUrl) await phase('API and unit tests on PostgreSQL', () => vitest('postgres', baseEnv));
}
if (wanted('journeys') || wanted('smoke')) {
  await phase('build the web app', async () => ({
    ok: await run(bin('node'), ['scripts/build-web.ts'], baseEnv),
  }));
}
if (wanted('journeys')) {
  const label = postgresUrl ? 'PostgreSQL' : 'PGlite';
  await phase(`browser journeys on ${label}`, () => playwright('journeys', 'journeys', baseEnv));
}
if (wanted('smoke') && (postgresUrl || only.has('smoke'))) {
  // Its own port, data folder and database, so it never meets the journeys' server.
  const port = String(Number(baseEnv.E2E_PORT ?? 3210) + 1);
  await phase('smoke on PGlite', () => playwright('smoke', 'smoke', { ...pgliteEnv, E2E_PORT: port }));
}

const width = Math.max(...results.map((r) => r.name.length));
const total = results.reduce(
  (sum, r) => ({
    passed: sum.passed + (r.counts?.passed ?? 0),
    failed: sum.failed + (r.counts?.failed ?? 0),
  }),
  { passed: 0, failed: 0 },
);
const lines = results.map((r) => {
  const counts = r.counts ? `${r.counts.passed} passed, ${r.counts.failed} failed` : '';
  return `${r.name.padEnd(width)}  ${(r.ok ? 'ok' : 'FAILED').padEnd(6)}  ${r.seconds.toFixed(0).padStart(5)} s  ${counts}`;
});
const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
console.log(`\n${'phase'.padEnd(width)}  result  time     tests`);
console.log(lines.join('\n'));
console.log(`${'total'.padEnd(width)}  ${''.padEnd(6)}  ${seconds.toFixed(0).padStart(5)} s`);
const failedPhases = results.filter((r) => !r.ok).length;
console.log(
  `\n${total.passed} passed, ${total.failed} failed${failedPhases ? ` (${failedPhases} phase(s) failed)` : ''}`,
);
process.exit(failedPhases ? 1 : 0);
