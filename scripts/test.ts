// `npm test`: every check once, in phases, and a table of what each took and counted at the end.
//
//   static      Biome (lint and format), the TypeScript type check, the import rules (dependency-cruiser:
//               layers point one way, no circle, no app → server import), the migration drift check,
//               the keyboard journeys check (scripts/check-keyboard-journeys.ts: no click or other
//               pointer action under e2e/, journeys go by keyboard),
//               the languages check (scripts/check-i18n.ts: every catalog complete, no text outside them)
//   unit        the API and unit tests (Vitest) on PGlite, and on PostgreSQL when TEST_DATABASE_URL
//               names a server
//   journeys    the browser journeys (Playwright with axe) once: on PostgreSQL when TEST_DATABASE_URL
//               is set, otherwise on PGlite
//   smoke       with TEST_DATABASE_URL set, a short journey on the embedded database (fresh data
//               folder, start, sign up, a page of each capability), since the journeys ran on PostgreSQL
//
// The phases run in two lanes at once: the browser lane (build the web app, then the journeys) spends
// most of its time waiting on a browser and a server, while the other lane (static checks, then the
// API tests on each database) keeps the processor busy; the smoke journey goes to whichever lane is free
// first. The checks lane runs at nice 10, so it only takes processor time the browser lane leaves idle
// and never pushes a journey towards its timeout. `--serial` (CI) runs the static checks and the PGlite
// pass beside the PostgreSQL pass, and the browser phases once the PostgreSQL pass is done (what is left
// of the other lane at nice 10 beside them). Each phase's output is kept in .test-results/<phase>.log and printed as a block when
// the phase ends, so the two lanes' output does not interleave.
//
// Every phase runs even when an earlier one failed, so one run names every failure; the exit code is 1
// when any failed. `npm test -- --phase unit` runs one phase (static, unit, journeys or smoke).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const reports = path.join(root, '.test-results');

interface Counts {
  passed: number;
  failed: number;
  /** Journeys that failed once and passed on their second run (counted as passed). */
  flaky?: number;
}

interface PhaseResult {
  name: string;
  ok: boolean;
  seconds: number;
  /** Processor seconds (user + system) of the phase's processes and their children. */
  cpuSeconds: number;
  counts?: Counts;
}

type Env = Record<string, string | undefined>;

interface Step {
  command: string;
  args: string[];
  env: Env;
  /**
   * Run at a lower priority (nice 10): the checks lane, so it takes the processor time the browser
   * lane leaves idle and never slows a journey towards its timeout.
   */
  yieldToBrowser?: boolean;
}

/** The phases' process groups, so an interrupted `npm test` stops them all (see the signal handlers). */
const running = new Set<number>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, signal);
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

/**
 * Runs one command under bash, whose `times` then reports the processor time of everything the command
 * ran and waited for (a browser's and a server's processes included); output goes to `log`.
 */
function run(step: Step, log: string): Promise<{ ok: boolean; cpuSeconds: number }> {
  const cpuFile = `${log}.cpu`;
  rmSync(cpuFile, { force: true });
  return new Promise((resolve) => {
    const defined = Object.fromEntries(Object.entries(step.env).filter(([, value]) => value !== undefined));
    const out = createWriteStream(log, { flags: 'a' });
    const child = spawn(
      'bash',
      [
        '-c',
        '"$@"; status=$?; times > "$COPSE_CPU_FILE"; exit $status',
        'phase',
        ...(step.yieldToBrowser ? ['nice', '-n', '10'] : []),
        step.command,
        ...step.args,
      ],
      {
        cwd: root,
        env: { ...defined, COPSE_CPU_FILE: cpuFile },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    if (child.pid) running.add(child.pid);
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const finish = (ok: boolean) => {
      if (child.pid) running.delete(child.pid);
      out.end(() => resolve({ ok, cpuSeconds: childCpuSeconds(cpuFile) }));
    };
    child.on('error', () => finish(false));
    child.on('close', (code) => finish(code === 0));
  });
}

/** The children's user and system time from bash's `times` ("0m1.5s 0m0.2s" on its second line). */
function childCpuSeconds(file: string): number {
  if (!existsSync(file)) return 0;
  const line = readFileSync(file, 'utf8').split('\n')[1] ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, [, minutes, seconds]) => sum + Number(minutes) * 60 + Number(seconds),
    0,
  );
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
    passed: report.stats.expected + (report.stats.flaky ?? 0),
    failed: report.stats.unexpected ?? 0,
    flaky: report.stats.flaky ?? 0,
  };
}

interface Phase {
  name: string;
  step: Step;
  /** The JSON report the phase writes, and how to read its counts. */
  report?: { file: string; counts: (file: string) => Counts | undefined };
}

const results: PhaseResult[] = [];
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

async function runPhase(phase: Phase): Promise<void> {
  const log = path.join(reports, `${slug(phase.name)}.log`);
  rmSync(log, { force: true });
  if (phase.report) rmSync(phase.report.file, { force: true });
  console.log(`--- ${phase.name}: started`);
  const started = performance.now();
  const { ok, cpuSeconds } = await run(phase.step, log);
  const seconds = (performance.now() - started) / 1000;
  const counts = phase.report?.counts(phase.report.file);
  results.push({ name: phase.name, ok, seconds, cpuSeconds, ...(counts ? { counts } : {}) });
  const output = existsSync(log) ? readFileSync(log, 'utf8') : '';
  console.log(`\n=== ${phase.name} ===\n${output.trimEnd()}`);
  console.log(`=== ${phase.name}: ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s ===\n`);
}

// The project's Node (24, from node_modules/.bin) for every child, also when run as `node scripts/test.ts`.
const baseEnv: Env = {
  ...process.env,
  PATH: [path.join(root, 'node_modules/.bin'), process.env.PATH].filter(Boolean).join(path.delimiter),
};
const postgresUrl = baseEnv.TEST_DATABASE_URL || undefined;
const pgliteEnv: Env = { ...baseEnv, TEST_DATABASE_URL: undefined, DATABASE_URL: undefined };

function vitest(name: string, label: string, env: Env): Phase {
  const file = path.join(reports, `vitest-${label}.json`);
  return {
    name,
    step: {
      command: bin('vitest'),
      args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
      env,
    },
    report: { file, counts: vitestCounts },
  };
}

function playwright(name: string, label: string, project: string, env: Env): Phase {
  const file = path.join(reports, `playwright-${label}.json`);
  return {
    name,
    step: {
      command: bin('playwright'),
      args: ['test', `--project=${project}`, '--reporter=list,json'],
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: file },
    },
    report: { file, counts: playwrightCounts },
  };
}

const { values } = parseArgs({
  options: { phase: { type: 'string', multiple: true }, serial: { type: 'boolean' } },
});
const only = new Set(values.phase ?? []);
const wanted = (name: string) => only.size === 0 || only.has(name);

/** Every folder of TypeScript the import rules (.dependency-cruiser.cjs) cover. */
const importRuleFolders = ['server', 'seed', 'common', 'app', 'scripts', 'bench', 'e2e'];

const checksLane: Phase[] = [];
const browserLane: Phase[] = [];
const eitherLane: Phase[] = [];

if (wanted('static')) {
  checksLane.push(
    { name: 'lint and format (Biome)', step: { command: bin('biome'), args: ['check', '.'], env: baseEnv } },
    { name: 'type check', step: { command: bin('tsc'), args: ['--noEmit'], env: baseEnv } },
    {
      name: 'import rules (dependency-cruiser)',
      step: {
        command: bin('depcruise'),
        args: ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...importRuleFolders],
        env: baseEnv,
      },
    },
    {
      name: 'migration drift',
      step: { command: bin('node'), args: ['scripts/check-migration-drift.ts'], env: baseEnv },
    },
    {
      name: 'keyboard journeys (no pointer action in e2e/)',
      step: { command: bin('node'), args: ['scripts/check-keyboard-journeys.ts'], env: baseEnv },
    },
    {
      name: 'languages (catalogs complete, no text outside them)',
      step: { command: bin('node'), args: ['scripts/check-i18n.ts'], env: baseEnv },
    },
  );
}
if (wanted('unit')) {
  checksLane.push(vitest('API and unit tests on PGlite', 'pglite', pgliteEnv));
  if (postgresUrl) checksLane.push(vitest('API and unit tests on PostgreSQL', 'postgres', baseEnv));
}
const smoke = wanted('smoke') && (postgresUrl || only.has('smoke'));
if (wanted('journeys') || smoke) {
  browserLane.push({
    name: 'build the web app',
    step: { command: bin('node'), args: ['scripts/build-web.ts'], env: baseEnv },
  });
}
// The web app's size budget (static phase; scripts/check-web-budget.ts builds the app first when its
// sources changed): after the browser lane's build when that lane builds, so two builds never overlap.
if (wanted('static')) {
  const budget: Phase = {
    name: 'web size budget',
    step: { command: bin('node'), args: ['scripts/check-web-budget.ts'], env: baseEnv },
  };
  if (browserLane.length > 0) eitherLane.push(budget);
  else checksLane.push(budget);
}
if (wanted('journeys')) {
  const label = postgresUrl ? 'PostgreSQL' : 'PGlite';
  browserLane.push(playwright(`browser journeys on ${label}`, 'journeys', 'journeys', baseEnv));
}
if (smoke) {
  // Its own port, data folder and database, so it never meets the journeys' server.
  const port = String(Number(baseEnv.E2E_PORT ?? 3210) + 1);
  const phase = playwright('smoke on PGlite', 'smoke', 'smoke', { ...pgliteEnv, E2E_PORT: port });
  // It needs the web app built: it joins the browser lane's queue when that lane builds it first.
  if (browserLane.length > 0 && !wanted('journeys')) browserLane.push(phase);
  else eitherLane.push(phase);
}

mkdirSync(reports, { recursive: true });
const startedAt = performance.now();
const machineBefore = machineCpu();
const loadBefore = loadavg()[0] ?? 0;

async function runLane(lane: Phase[]): Promise<void> {
  for (const phase of lane) await runPhase(phase);
  // Then whatever may run in either lane, once the web app is built.
  while (eitherLane.length > 0 && builtWeb()) {
    const next = eitherLane.shift();
    if (next) await runPhase(next);
  }
}

function builtWeb(): boolean {
  return results.some((r) => r.name === 'build the web app');
}

// The checks lane yields to the browser lane when both run (the smoke journey, a browser too, does not).
if (!values.serial) for (const phase of checksLane) phase.step.yieldToBrowser = true;

if (values.serial) {
  // The browser phases run without the PostgreSQL pass; before them, that pass runs beside the static
  // checks and the PGlite pass. Each Vitest pass is one worker that often waits (on child processes, the
  // database server, timers), so the two passes share the 2 cores well: 8.5 minutes one after the
  // other, about 5 together (6 December 2026). The journeys start as soon as the PostgreSQL pass ends;
  // the rest of the other lane runs on at nice 10 (it took the 55 s after the PostgreSQL pass alone,
  // 7 December 2026), so it only takes what the browser leaves idle. Either lane then takes the web size
  // budget and the smoke journey, whichever is free first (after the journeys, they added 24 s to CI's
  // run, 7 December 2026).
  const postgresPass = checksLane.find((phase) => phase.name === 'API and unit tests on PostgreSQL');
  const inTurn = async (phases: Phase[]) => {
    for (const phase of phases) await runPhase(phase);
  };
  await inTurn(browserLane.slice(0, 1));
  const others = checksLane.filter((phase) => phase !== postgresPass);
  for (const phase of others) phase.step.yieldToBrowser = true;
  const checks = runLane(others);
  await inTurn(postgresPass ? [postgresPass] : []);
  await Promise.all([runLane(browserLane.slice(1)), checks]);
} else {
  await Promise.all([runLane(browserLane), runLane(checksLane)]);
}
for (const phase of eitherLane) await runPhase(phase);

const wallSeconds = (performance.now() - startedAt) / 1000;
const machineAfter = machineCpu();
const width = Math.max(...results.map((r) => r.name.length), 'phase'.length);
const total = results.reduce(
  (sum, r) => ({
    passed: sum.passed + (r.counts?.passed ?? 0),
    failed: sum.failed + (r.counts?.failed ?? 0),
  }),
  { passed: 0, failed: 0 },
);
const lines = results.map((r) => {
  const flaky = r.counts?.flaky ? ` (${r.counts.flaky} passed on the second try)` : '';
  const counts = r.counts ? `${r.counts.passed} passed, ${r.counts.failed} failed${flaky}` : '';
  return `${r.name.padEnd(width)}  ${(r.ok ? 'ok' : 'FAILED').padEnd(6)}  ${r.seconds.toFixed(0).padStart(5)} s  ${r.cpuSeconds.toFixed(0).padStart(5)} s  ${counts}`;
});
const cpuSum = results.reduce((sum, r) => sum + r.cpuSeconds, 0);
console.log(`\n${'phase'.padEnd(width)}  result   wall     CPU    tests`);
console.log(lines.join('\n'));
console.log(
  `${`total (${values.serial ? 'browser phases after the PostgreSQL pass' : 'two lanes at once'})`.padEnd(width)}  ${''.padEnd(6)}  ${wallSeconds.toFixed(0).padStart(5)} s  ${cpuSum.toFixed(0).padStart(5)} s`,
);
if (machineBefore && machineAfter) {
  const busy = (machineAfter.busy - machineBefore.busy) / machineAfter.ticksPerSecond;
  console.log(
    `The whole machine (${machineAfter.cores} cores, load ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end) was busy ${busy.toFixed(0)} of ${(wallSeconds * machineAfter.cores).toFixed(0)} processor seconds; the CPU column counts this run's processes (PostgreSQL's server not included).`,
  );
}
const failedPhases = results.filter((r) => !r.ok).length;
console.log(
  `\n${total.passed} passed, ${total.failed} failed${failedPhases ? ` (${failedPhases} phase(s) failed)` : ''}`,
);
process.exit(failedPhases ? 1 : 0);

/** The machine's busy processor time so far, from /proc/stat (undefined where there is none). */
function machineCpu(): { busy: number; cores: number; ticksPerSecond: number } | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const lines = readFileSync('/proc/stat', 'utf8').split('\n');
  const fields = (lines[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  const busy = fields.reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
  const cores = lines.filter((line) => /^cpu\d+ /.test(line)).length;
  return { busy, cores, ticksPerSecond: 100 };
}
