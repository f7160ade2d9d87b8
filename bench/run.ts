import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type App, buildApp } from '../server/app.ts';
import { type Database, openDatabase } from '../server/db/client.ts';
import { parseEnv } from '../server/env.ts';
import { discardingJobs } from '../server/jobs/queue.ts';
import { createDiskStorage } from '../server/lib/storage.ts';
import { sessionCookieName } from '../server/plugins/auth.ts';
import { bareBodyBytes, startBareServer } from './bare-server.ts';
import { runLoad } from './load.ts';
import { preparePingAnswers } from './ping-answers.ts';
import { buildRows, problemsOf, renderMarkdown, renderText, type ScenarioOutcome } from './report.ts';
import { type BenchContext, bareScenario, type Scenario, selectScenarios } from './scenarios.ts';
import { type BenchData, benchPassword, seedBenchData } from './seed.ts';
import { runWriteLoad } from './write-load.ts';

/**
 * `npm run bench`: a fresh database (PostgreSQL by default, `BENCH_DB=pglite` or `npm run bench:pglite`
 * for an in-memory PGlite on its thread, with the smaller dataset below),
 * 50,000 seeded people in 1,000 communities (150,000 memberships) with 20,000 meetings (300,000 RSVPs),
 * 200,000 threads with 2,000,000 replies and 50,000 Toolkit resources, the real app and a bare Fastify
 * reference in this process, then autocannon on each scenario in turn. Writes bench/RESULTS.md and exits
 * 1 if a scenario answered with errors.
 *
 * Settings: BENCH_DB, BENCH_DATABASE_URL (a server to create the database on), BENCH_DATABASE_NAME
 * (`copse_bench` unless set; the last seed of each name is kept for BENCH_REUSE), BENCH_PEOPLE,
 * BENCH_COMMUNITIES, BENCH_MEMBERSHIPS, BENCH_MEETINGS, BENCH_RSVPS, BENCH_THREADS, BENCH_REPLIES,
 * BENCH_RESOURCES, BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS, BENCH_POOL_SIZE; BENCH_ONLY
 * (comma-separated groups or words of scenario names, e.g. `knowledge` or `search`) measures only those
 * scenarios after the reference, and then writes bench/RESULTS-only.md instead of RESULTS.md;
 * BENCH_REUSE=1 measures on the database and seed of the last PostgreSQL run instead of seeding again.
 */

const numberSetting = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const onPglite = process.env.BENCH_DB === 'pglite';
/**
 * The dataset: the campus on PostgreSQL; on PGlite (`BENCH_DB=pglite`, `npm run bench:pglite`) the
 * preset of #13 §5, as large as an installation on the embedded database gets and about 5 minutes in
 * all: 20,000 people (3 memberships each, as on the campus), 400 communities, 20,000 threads, 200,000
 * replies, and a tenth of the campus's meetings, RSVPs and resources.
 */
const size = (name: string, campus: number, pglite: number): number =>
  numberSetting(name, onPglite ? pglite : campus);

const settings = {
  database: onPglite ? ('pglite' as const) : ('postgres' as const),
  serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  databaseName: process.env.BENCH_DATABASE_NAME ?? 'copse_bench',
  people: size('BENCH_PEOPLE', 50_000, 20_000),
  communities: size('BENCH_COMMUNITIES', 1_000, 400),
  memberships: size('BENCH_MEMBERSHIPS', 150_000, 60_000),
  meetings: size('BENCH_MEETINGS', 20_000, 2_000),
  rsvps: size('BENCH_RSVPS', 300_000, 30_000),
  threads: size('BENCH_THREADS', 200_000, 20_000),
  replies: size('BENCH_REPLIES', 2_000_000, 200_000),
  resources: size('BENCH_RESOURCES', 50_000, 5_000),
  only: process.env.BENCH_ONLY,
  seconds: numberSetting('BENCH_SECONDS', 10),
  warmupSeconds: numberSetting('BENCH_WARMUP_SECONDS', 2),
  connections: numberSetting('BENCH_CONNECTIONS', 50),
  poolSize: numberSetting('BENCH_POOL_SIZE', 20),
};

if (!/^[a-z][a-z0-9_]*$/.test(settings.databaseName)) {
  throw new Error('BENCH_DATABASE_NAME must be lower-case letters, digits and underscores');
}

/** Where the last seed's BenchData is kept, for `BENCH_REUSE=1`. */
const reuseFile = path.join(os.tmpdir(), `${settings.databaseName}-data.json`);
const reuse = process.env.BENCH_REUSE === '1' && settings.database === 'postgres' && existsSync(reuseFile);

/**
 * Drops and recreates the bench database; it is left in place afterwards, for EXPLAIN ANALYZE. With
 * `BENCH_REUSE=1` (while iterating on scenarios) the last run's database and seed are used as they are.
 */
async function openBenchDatabase(): Promise<Database> {
  if (settings.database === 'pglite') {
    return openDatabase({
      dataDir: 'memory://',
      ...(process.env.BENCH_POOL_SIZE ? { poolSize: settings.poolSize } : {}),
    });
  }
  if (reuse) {
    const url = new URL(settings.serverUrl);
    url.pathname = `/${settings.databaseName}`;
    return openDatabase({ databaseUrl: url.toString(), poolSize: settings.poolSize });
  }
  const admin = new pg.Client({ connectionString: settings.serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${settings.databaseName} with (force)`);
    await admin.query(`create database ${settings.databaseName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(settings.serverUrl);
  url.pathname = `/${settings.databaseName}`;
  return openDatabase({ databaseUrl: url.toString(), poolSize: settings.poolSize });
}

async function signIn(app: App, origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const name = sessionCookieName(app.deps.env.publicUrl);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${name}=`));
  if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One request to every path first: a scenario that answers wrongly is failed, not measured. The check
 * gets the parsed JSON, or the text of any other answer (an iCalendar feed).
 */
async function preflight(
  origin: string,
  paths: string[],
  headers: Record<string, string>,
  scenario: Scenario,
) {
  for (const requestPath of paths) {
    const response = await fetch(`${origin}${requestPath}`, { headers });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json') ?? false;
    const body = json ? parseJson(text) : text;
    if (response.status !== 200) return `GET ${requestPath} answered ${response.status}`;
    const problem = scenario.check?.(body);
    if (problem) return `GET ${requestPath}: ${problem}`;
  }
  return undefined;
}

/**
 * A conditional scenario's headers: `If-None-Match` with the ETag of the first answer (one path: every
 * connection asks for the same answer again), after checking that it is answered 304.
 */
async function conditionalHeaders(
  origin: string,
  paths: string[],
  headers: Record<string, string>,
): Promise<Record<string, string> | string> {
  if (paths.length !== 1) return 'a conditional scenario asks for one path';
  const url = `${origin}${paths[0]}`;
  const first = await fetch(url, { headers });
  await first.arrayBuffer();
  const etag = first.headers.get('etag');
  if (!etag) return `GET ${paths[0]} has no ETag`;
  const again = await fetch(url, { headers: { ...headers, 'if-none-match': etag } });
  await again.arrayBuffer();
  if (again.status !== 304) return `GET ${paths[0]} with If-None-Match answered ${again.status}, not 304`;
  return { ...headers, 'if-none-match': etag };
}

async function measure(
  scenario: Scenario,
  origins: { bare: string; app: string },
  cookie: string,
  context: BenchContext,
  app: App,
): Promise<ScenarioOutcome> {
  if (scenario.requiresRoute && !app.hasRoute({ method: 'GET', url: scenario.requiresRoute })) {
    return { scenario, skipped: `skipped: the app has no GET ${scenario.requiresRoute} yet` };
  }
  const origin = origins[scenario.server];
  if (scenario.write === 'ping-answers') return measurePingAnswers(scenario, origin, cookie, context, app);
  const paths = scenario.paths(context);
  let headers: Record<string, string> = scenario.signedIn ? { cookie } : {};
  const failure = await preflight(origin, paths, headers, scenario);
  if (failure) return { scenario, failure };
  if (scenario.conditional) {
    const conditional = await conditionalHeaders(origin, paths, headers);
    if (typeof conditional === 'string') return { scenario, failure: conditional };
    headers = conditional;
  }
  const options = { origin, paths, headers, connections: scenario.connections ?? settings.connections };
  const writer = scenario.withWriter ? startReplyWriter(app, context) : undefined;
  let load: Awaited<ReturnType<typeof runLoad>>;
  try {
    await runLoad({ ...options, seconds: settings.warmupSeconds });
    load = await runLoad({ ...options, seconds: settings.seconds });
  } finally {
    const writes = await writer?.stop();
    if (writes)
      console.log(`  meanwhile ${writes.written} new replies were written (${writes.failed} failed)`);
  }
  const loadAverage = os.loadavg()[0];
  const problems = problemsOf(scenario, load);
  if (load.requests === 0) {
    return { scenario, load, loadAverage, failure: `no answer within the run (${load.timeouts} timeouts)` };
  }
  if (problems === 0) return { scenario, load, loadAverage };
  const codes = Object.entries(load.statusCodes)
    .map(([code, count]) => `${code}×${count}`)
    .join(', ');
  return {
    scenario,
    load,
    loadAverage,
    failure: `${problems} (${codes}; ${load.errors} errors, of which ${load.timeouts} timeouts)`,
  };
}

/** 50 members answering one Ping at once, each on their own connection (#16). */
async function measurePingAnswers(
  scenario: Scenario,
  origin: string,
  cookie: string,
  context: BenchContext,
  app: App,
): Promise<ScenarioOutcome> {
  const setup = await preparePingAnswers(app.deps.database, origin, cookie, context.personId, (email) =>
    signIn(app, origin, email, benchPassword),
  );
  const options = { origin, method: 'PUT' as const, ...setup };
  await runWriteLoad({ ...options, seconds: settings.warmupSeconds });
  const load = await runWriteLoad({ ...options, seconds: settings.seconds });
  const loadAverage = os.loadavg()[0];
  const problems = problemsOf(scenario, load);
  if (problems === 0) return { scenario, load, loadAverage };
  const codes = Object.entries(load.statusCodes)
    .map(([code, count]) => `${code}×${count}`)
    .join(', ');
  return { scenario, load, loadAverage, failure: `${problems} (${codes}; ${load.errors} errors)` };
}

/** New replies per second written while a `withWriter` scenario runs. */
const writesPerSecond = 20;

/**
 * Writes new replies, as members would, while a scenario is measured (#13 §2: search answers while
 * posts arrive): one every 50 ms into the bench member's long threads, through the database the app
 * uses, with common words of the seeded replies in them.
 */
function startReplyWriter(app: App, context: BenchContext) {
  const db = app.deps.database.db;
  const words = ['feedback', 'students', 'peer feedback', 'group work', 'assessment', 'metacognition'];
  let written = 0;
  let failed = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      const threadId = context.threadIds[(written + failed) % context.threadIds.length];
      const word = words[(written + failed) % words.length];
      try {
        await db.execute(sql`insert into posts (thread_id, author_id, body)
          values (${threadId}::uuid, ${context.personId}::uuid,
            ${`Bench writer ${written}: what we learnt about ${word} this week, and what the students said.`})`);
        written++;
      } catch {
        // A write that waited too long for a pooled connection (the search load holds them): counted.
        failed++;
      }
      const wait = 1000 / writesPerSecond - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { written, failed };
    },
  };
}

const referenceSql =
  'select id, email, display_name, pronouns, bio, role, created_at from users where id = $1';

/**
 * The reference route's one query: on PostgreSQL a named (prepared) statement through `pg` on a pool of
 * its own, as a hand-written route would do; on PGlite the app's own path: node-postgres to the PGlite
 * thread (the same connections the app's queries take).
 */
function referenceQuery(database: Database, personId: string) {
  if (database.kind === 'pglite') {
    return {
      selectPerson: async () => (await database.raw.executeSql(referenceSql, [personId])).rows[0],
      close: async () => {},
    };
  }
  const url = new URL(settings.serverUrl);
  url.pathname = `/${settings.databaseName}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: settings.poolSize });
  return {
    selectPerson: async () =>
      (await pool.query({ name: 'bench_reference', text: referenceSql, values: [personId] })).rows[0],
    close: () => pool.end(),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const database = await openBenchDatabase();
  const uploads = await mkdtemp(path.join(os.tmpdir(), 'copse-bench-'));
  let app: App | undefined;
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
  let reference: ReturnType<typeof referenceQuery> | undefined;
  try {
    await database.migrate();
    const count = (value: number) => value.toLocaleString('en-GB');
    console.log(
      reuse
        ? `Reusing the last run's ${settings.databaseName} and its seed…`
        : `Seeding ${count(settings.people)} people and ${count(settings.communities)} communities into ${database.kind}…`,
    );
    const data: BenchData = reuse
      ? (JSON.parse(readFileSync(reuseFile, 'utf8')) as BenchData)
      : await seedBenchData(database, settings);
    if (!reuse && settings.database === 'postgres') writeFileSync(reuseFile, JSON.stringify(data));
    console.log(
      `Seeded ${count(data.people)} people, ${count(data.communities)} communities, ${count(data.memberships)} memberships, ${count(data.meetings.meetings)} meetings, ${count(data.meetings.rsvps)} RSVPs, ${count(data.discussions.threads)} threads, ${count(data.discussions.replies)} replies and ${count(data.toolkit.resources)} resources in ${data.seedSeconds.toFixed(1)} s (discussions and Toolkit ${data.knowledgeSeedSeconds.toFixed(1)} s)`,
    );

    const env = parseEnv({
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://127.0.0.1:3000',
      DATA_DIR: uploads,
      LOG_LEVEL: 'silent',
      WORKERS: 'false',
    });
    app = await buildApp({
      env,
      database,
      jobs: discardingJobs,
      storage: createDiskStorage(uploads),
      logger: false,
    });
    const appOrigin = await app.listen({ port: 0, host: '127.0.0.1' });
    reference = referenceQuery(database, data.context.personId);
    bare = await startBareServer(reference.selectPerson);
    const cookie = await signIn(app, appOrigin, data.signIn.email, data.signIn.password);

    const outcomes: ScenarioOutcome[] = [];
    for (const scenario of [bareScenario, ...selectScenarios(settings.only)]) {
      console.log(`Measuring ${scenario.name}…`);
      outcomes.push(
        await measure(scenario, { bare: bare.origin, app: appOrigin }, cookie, data.context, app),
      );
    }

    const version = (await database.db.execute(sql`select version() as version`)) as unknown as {
      rows: { version: string }[];
    };
    const cpus = os.cpus();
    const rows = buildRows(outcomes, database.kind);
    const markdown = renderMarkdown(rows, {
      date: new Date(),
      database: database.kind,
      databaseVersion: (version.rows[0]?.version ?? '').split(' on ')[0] ?? '',
      nodeVersion: process.version,
      machine: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB`,
      people: data.people,
      units: data.units,
      communities: data.communities,
      memberships: data.memberships,
      meetings: data.meetings,
      discussions: data.discussions,
      toolkit: data.toolkit,
      knowledgeSeedSeconds: data.knowledgeSeedSeconds,
      threadPages: data.context.threadIds.length,
      threadListSlugs: data.context.threadListSlugs.length,
      resourcePages: data.context.resourceIds.length,
      meetingSlugs: data.context.meetingSlugs.length,
      memberOf: data.memberOf,
      communityShape: data.communityShape,
      homeSlugs: data.context.communitySlugs.length,
      seedSeconds: data.seedSeconds,
      connections: settings.connections,
      seconds: settings.seconds,
      warmupSeconds: settings.warmupSeconds,
      poolSize: settings.poolSize,
      bareBodyBytes,
    });
    // The embedded database's preset keeps its own file, so the two runs do not overwrite each other.
    const file = settings.only ? './RESULTS-only.md' : onPglite ? './RESULTS-pglite.md' : './RESULTS.md';
    writeFileSync(new URL(file, import.meta.url), markdown);
    console.log(`\n${renderText(rows)}\n`);
    console.log(`Wrote bench/${file.slice(2)} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    if (rows.some((row) => row.verdict === 'FAILED')) process.exitCode = 1;
  } finally {
    await app?.close();
    await bare?.close();
    await reference?.close();
    await database.close();
    await rm(uploads, { recursive: true, force: true });
  }
}

await main();
