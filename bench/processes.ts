import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../server/db/client.ts';
import { type CopseProcess, freePort, startCopse, waitForHealth } from '../server/test/process.ts';
import { type LoadResult, runLoad } from './load.ts';
import { type Scenario, scenarios } from './scenarios.ts';
import { seedBenchData } from './seed.ts';

/**
 * `node bench/processes.ts`: requests per second of one Copse process and of two on one PostgreSQL
 * database (#15 §5, docs/scaling.md). Seeds a small campus into a fresh database
 * (`copse_bench_processes`), starts `node server/main.ts` as an operator would (NODE_ENV=production),
 * starts two, and measures each read path with autocannon against one of them, then at once against
 * both, each with half the connections, as an even load balancer would share them (the balancer's own
 * cost is left out: in production it is nginx or a cloud balancer on other processors). The two runs
 * of a path follow each other, so a busy neighbour on the machine weighs on both alike. Besides
 * requests per second it reports the processor time the Copse processes spent per request (from
 * /proc), which does not depend on what else the machine runs. The load generator runs on the same
 * machine, so it takes its share of the processors in both runs. Writes bench/RESULTS-processes.md.
 *
 * Settings: BENCH_DATABASE_URL (the server), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2),
 * BENCH_CONNECTIONS (50), BENCH_PEOPLE (5,000; the rest of the campus scales with it).
 */
const numberSetting = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = 'copse_bench_processes';
const seconds = numberSetting('BENCH_SECONDS', 10);
const warmupSeconds = numberSetting('BENCH_WARMUP_SECONDS', 2);
const connections = numberSetting('BENCH_CONNECTIONS', 50);
const people = numberSetting('BENCH_PEOPLE', 5_000);
const size = {
  people,
  communities: Math.round(people / 50),
  memberships: people * 3,
  meetings: Math.round(people / 5),
  rsvps: people * 2,
  threads: people,
  replies: people * 20,
  resources: Math.round(people / 5),
};

/** The read paths measured: cheap, one query, a page of joins, a long thread, the home page. */
const picked = [
  'GET /api/me (signed in)',
  'GET /api/communities (directory',
  'GET /api/communities/:slug (community home)',
  'GET /api/threads/:id (thread page',
  'GET /api/home (member home page)',
];
const measured: Scenario[] = scenarios.filter((scenario) =>
  picked.some((name) => scenario.name.startsWith(name)),
);

interface Row {
  scenario: string;
  one: LoadResult;
  two: LoadResult[];
  /** Processor milliseconds the Copse processes spent per request answered, in each run. */
  cpuPerRequest: [number, number];
  loadAverage: [number, number];
}

interface Launched {
  origin: string;
  pid: number;
}

/** Processor time (user + system) a process has used so far, in milliseconds (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

async function createDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${databaseName} with (force)`);
    await admin.query(`create database ${databaseName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

async function launch(databaseUrl: string, cleanups: (() => Promise<void>)[]): Promise<Launched> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'copse-bench-processes-'));
  const port = await freePort();
  const copse: CopseProcess = startCopse(dataDir, port, databaseUrl, {
    NODE_ENV: 'production',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  cleanups.push(async () => {
    if (copse.child.exitCode === null) {
      copse.child.kill('SIGTERM');
      await copse.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });
  await waitForHealth(port);
  if (!copse.child.pid) throw new Error('no pid');
  return { origin: `http://127.0.0.1:${port}`, pid: copse.child.pid };
}

async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('copse_session='));
  if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

/**
 * Warms up, then measures; with several processes, all at once, the connections shared out evenly.
 * Answers the results and the processor milliseconds the processes spent per request.
 */
async function load(targets: Launched[], paths: string[], headers: Record<string, string>) {
  const each = Math.max(1, Math.round(connections / targets.length));
  const run = (runSeconds: number) =>
    Promise.all(
      targets.map(({ origin }) =>
        runLoad({ origin, paths, headers, connections: each, seconds: runSeconds }),
      ),
    );
  await run(warmupSeconds);
  const cpuBefore = targets.reduce((sum, { pid }) => sum + cpuMs(pid), 0);
  const results = await run(seconds);
  const cpu = targets.reduce((sum, { pid }) => sum + cpuMs(pid), 0) - cpuBefore;
  const requests = results.reduce((sum, result) => sum + result.requests, 0);
  return { results, cpuPerRequest: cpu / Math.max(1, requests) };
}

const total = (results: LoadResult[]) => results.reduce((sum, result) => sum + result.requestsPerSecond, 0);
const worst = (results: LoadResult[], key: 'p50Ms' | 'p99Ms') => Math.max(...results.map((r) => r[key]));
const failures = (results: LoadResult[]) =>
  results.reduce((sum, result) => sum + result.non2xx + result.errors, 0);

function render(rows: Row[], seedSeconds: number): string {
  const cpus = os.cpus();
  const number = (value: number) => Math.round(value).toLocaleString('en-GB');
  const lines = [
    '# One process and two on one PostgreSQL (`node bench/processes.ts`)',
    '',
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, Node ${process.version}; PostgreSQL on the same machine. ${number(size.people)} people, ${number(size.communities)} communities, ${number(size.threads)} threads, ${number(size.replies)} replies (seeded in ${seedSeconds.toFixed(0)} s). autocannon with ${connections} connections (two processes: ${Math.round(connections / 2)} each, at once), ${warmupSeconds} s warm-up, ${seconds} s measured; the load generator runs on the same processors.`,
    '',
    '| read path | 1 process req/s | p99 ms | 2 processes req/s | p99 ms | 2 ÷ 1 | Copse CPU ms/req (1 / 2) | failed | load average (1 / 2) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const one = row.one.requestsPerSecond;
    const two = total(row.two);
    lines.push(
      `| ${row.scenario} | ${number(one)} | ${number(row.one.p99Ms)} | ${number(two)} | ${number(worst(row.two, 'p99Ms'))} | ${(two / one).toFixed(2)} | ${row.cpuPerRequest[0].toFixed(2)} / ${row.cpuPerRequest[1].toFixed(2)} | ${failures([row.one, ...row.two])} | ${row.loadAverage[0].toFixed(1)} / ${row.loadAverage[1].toFixed(1)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const databaseUrl = await createDatabase();
    const database = await openDatabase({ databaseUrl, poolSize: 4 });
    let data: Awaited<ReturnType<typeof seedBenchData>>;
    try {
      await database.migrate();
      console.log(`Seeding ${size.people.toLocaleString('en-GB')} people into ${databaseName}…`);
      data = await seedBenchData(database, size);
    } finally {
      await database.close();
    }
    const first = await launch(databaseUrl, cleanups);
    const second = await launch(databaseUrl, cleanups);
    const cookie = await signIn(first.origin, data.signIn.email, data.signIn.password);
    const work = measured.map((scenario) => ({
      scenario,
      paths: scenario.paths(data.context),
      headers: scenario.signedIn ? { cookie } : ({} as Record<string, string>),
    }));
    for (const { scenario, paths, headers } of work) {
      for (const requestPath of paths) {
        const response = await fetch(`${first.origin}${requestPath}`, { headers });
        await response.arrayBuffer();
        if (response.status !== 200)
          throw new Error(`${scenario.name}: ${requestPath} answered ${response.status}`);
      }
    }

    const rows: Row[] = [];
    for (const { scenario, paths, headers } of work) {
      console.log(`${scenario.name}: one process, then two…`);
      const one = await load([first], paths, headers);
      const oneLoad = os.loadavg()[0] ?? 0;
      const two = await load([first, second], paths, headers);
      const [result] = one.results;
      if (!result) throw new Error('no result');
      rows.push({
        scenario: scenario.name,
        one: result,
        two: two.results,
        cpuPerRequest: [one.cpuPerRequest, two.cpuPerRequest],
        loadAverage: [oneLoad, os.loadavg()[0] ?? 0],
      });
    }
    const markdown = render(rows, data.seedSeconds);
    await writeFile(new URL('./RESULTS-processes.md', import.meta.url), markdown);
    console.log(`\n${markdown}`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

await main();
