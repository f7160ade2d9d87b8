import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { seedCommunities } from '../seed/generate/communities.ts';
import { ensureUnits, seedPeople, unitNames } from '../seed/generate/people.ts';
import { type App, buildApp } from '../server/app.ts';
import { type Database, openDatabase } from '../server/db/client.ts';
import { parseEnv } from '../server/env.ts';
import { discardingJobs } from '../server/jobs/queue.ts';
import { hashPassword } from '../server/lib/crypto.ts';
import { createDiskStorage } from '../server/lib/storage.ts';
import { sessionCookieName } from '../server/plugins/auth.ts';
import { findDashboardTotals, listParticipationSplits, listSeries } from '../server/queries/dashboard.ts';
import {
  findMeetingFigures,
  findQuestionFigures,
  listAskedRounds,
} from '../server/queries/dashboard-details.ts';
import { activeKinds, rollUpDay } from '../server/queries/dashboard-rollup.ts';
import { listInstitutionReach, listPortfolioRows } from '../server/queries/portfolio.ts';
import { rowsOf } from '../server/queries/raw-rows.ts';
import { addDays, todayOf } from '../server/services/dashboard/range.ts';
import { runLoad } from './load.ts';
import { benchPassword } from './seed.ts';

/**
 * The dashboard benchmark (#17 Benchmark): `node bench/dashboard.ts`. A fresh PostgreSQL database
 * (`copse_bench_dash`) with DASH_BENCH_PEOPLE people (50,000) in DASH_BENCH_COMMUNITIES communities
 * (1,000; 3 memberships a person) and DASH_BENCH_EVENTS events (10,000,000) spread over the last year,
 * written set-based (INSERT … SELECT from generate_series). Then: the roll-up of the last
 * DASH_BENCH_ROLLUP_DAYS days (90; each day timed, yesterday's is "the nightly roll-up of one day"), and
 * autocannon at BENCH_CONNECTIONS (20) connections for BENCH_SECONDS (10) on a coordinator's community
 * dashboards (the 50 largest communities, the default 90 days) and on the portfolio. Writes
 * bench/RESULTS-dashboard.md. BENCH_REUSE=1 skips the seed and the roll-up (measures the last seed).
 * A small run: DASH_BENCH_PEOPLE=5000 DASH_BENCH_COMMUNITIES=100 DASH_BENCH_EVENTS=500000.
 */

const numberSetting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const settings = {
  serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  databaseName: 'copse_bench_dash',
  people: numberSetting('DASH_BENCH_PEOPLE', 50_000),
  communities: numberSetting('DASH_BENCH_COMMUNITIES', 1_000),
  events: numberSetting('DASH_BENCH_EVENTS', 10_000_000),
  rollupDays: numberSetting('DASH_BENCH_ROLLUP_DAYS', 90),
  seconds: numberSetting('BENCH_SECONDS', 10),
  connections: numberSetting('BENCH_CONNECTIONS', 20),
  reuse: process.env.BENCH_REUSE === '1',
};
const seedFile = path.join(os.tmpdir(), `${settings.databaseName}-seed.json`);

function databaseUrl(): string {
  const url = new URL(settings.serverUrl);
  url.pathname = `/${settings.databaseName}`;
  return url.toString();
}

async function openFresh(): Promise<Database> {
  const admin = new pg.Client({ connectionString: settings.serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${settings.databaseName} with (force)`);
    await admin.query(`create database ${settings.databaseName}`);
  } finally {
    await admin.end();
  }
  return openDatabase({ databaseUrl: databaseUrl(), poolSize: 20 });
}

/** A year of events, 1,000,000 a statement: each a random membership, kind and moment in the last 365 days. */
async function seedEvents(database: Database): Promise<number> {
  const { db } = database;
  const kinds = sql.raw(
    `array[${[...activeKinds, 'resource.viewed', 'resource.viewed', 'meeting.answered'].map((k) => `'${k}'`).join(', ')}]`,
  );
  await db.execute(sql`create temporary table bench_members as
    select row_number() over () as n, community_id, user_id from community_members`);
  const [members] = rowsOf<{ count: number }>(
    await db.execute(sql`select count(*)::int as count from bench_members`),
  );
  const total = Number(members?.count ?? 1);
  const chunk = 1_000_000;
  for (let done = 0; done < settings.events; done += chunk) {
    const size = Math.min(chunk, settings.events - done);
    await db.execute(sql`insert into activity_events (community_id, actor_id, kind, subject_type, occurred_at)
      select m.community_id, m.user_id, (${kinds})[1 + floor(random() * ${activeKinds.length + 3})::int], 'bench',
        now() - random() * interval '365 days'
      from (select 1 + floor(random() * ${total})::int as n from generate_series(1, ${size})) r
      join bench_members m on m.n = r.n`);
    console.log(`  ${(done + size).toLocaleString('en-GB')} events`);
  }
  // Joins at the memberships' own dates, so members over time have a history.
  await db.execute(sql`insert into activity_events (community_id, actor_id, kind, subject_type, occurred_at)
    select community_id, user_id, 'member.joined', 'community', joined_at from community_members`);
  await db.execute(sql`update institution_settings set activity_log_began_at = now() - interval '366 days'`);
  await db.execute(sql`vacuum analyze activity_events`);
  const [count] = rowsOf<{ count: number }>(
    await db.execute(sql`select count(*)::int as count from activity_events`),
  );
  return Number(count?.count ?? 0);
}

async function signIn(app: App, origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: benchPassword }),
  });
  const name = sessionCookieName(app.deps.env.publicUrl);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${name}=`));
  if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Each statement of the dashboard and the portfolio, 15 times one after another: median and max ms. */
async function profileStatements(database: Database, slug: string): Promise<string[]> {
  const { db } = database;
  const [community] = rowsOf<{ id: string }>(
    await db.execute(sql`select id from communities where slug = ${slug}`),
  );
  const id = community?.id ?? '';
  const today = todayOf(new Date());
  const from = addDays(today, -89);
  const range = { from, to: today, today, previousFrom: addDays(from, -90), previousTo: addDays(from, -1) };
  const statements: [string, () => Promise<unknown>][] = [
    [
      'dashboard: totals of both periods (roll-up, today’s log, distinct active)',
      () => findDashboardTotals(db, id, range),
    ],
    [
      'dashboard: questions and first replies',
      () => findQuestionFigures(db, id, range.previousFrom, today, from),
    ],
    ['dashboard: meetings held', () => findMeetingFigures(db, id, range.previousFrom, today, from)],
    ['dashboard: Ping and check-in rounds', () => listAskedRounds(db, id, range.previousFrom, today)],
    ['dashboard: splits by unit and kind', () => listParticipationSplits(db, id, today, today)],
    ['dashboard: the series', () => listSeries(db, id, { from, to: today, today }, 'day')],
    ['portfolio: every community', () => listPortfolioRows(db, today)],
    ['portfolio: the institution’s reach', () => listInstitutionReach(db)],
  ];
  const lines: string[] = [];
  for (const [name, run] of statements) {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const begun = performance.now();
      await run();
      times.push(performance.now() - begun);
    }
    lines.push(`| ${name} | ${percentile(times, 50).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`);
  }
  return lines;
}

interface Seeded {
  events: number;
  memberships: number;
  seedSeconds: number;
  rollupSeconds: number[];
  yesterdaySeconds: number;
}

async function main(): Promise<void> {
  let seeded: Seeded;
  const database =
    settings.reuse && existsSync(seedFile)
      ? await openDatabase({ databaseUrl: databaseUrl(), poolSize: 20 })
      : await openFresh();
  const uploads = await mkdtemp(path.join(os.tmpdir(), 'copse-bench-dash-'));
  let app: App | undefined;
  try {
    const { db } = database;
    if (settings.reuse && existsSync(seedFile)) {
      seeded = JSON.parse(readFileSync(seedFile, 'utf8')) as Seeded;
    } else {
      await database.migrate();
      const started = performance.now();
      const units = await ensureUnits(db, unitNames);
      const passwordHash = await hashPassword(benchPassword);
      await seedPeople(db, { count: settings.people, units, passwordHash, concurrency: 2 });
      const communities = await seedCommunities(db, {
        count: settings.communities,
        memberships: settings.people * 3,
        units,
        featured: [],
        concurrency: 2,
      });
      console.log(
        `Seeded ${communities.memberships} memberships; writing ${settings.events.toLocaleString('en-GB')} events…`,
      );
      const events = await seedEvents(database);
      const seedSeconds = (performance.now() - started) / 1000;
      const today = todayOf(new Date());
      const rollupSeconds: number[] = [];
      for (let back = settings.rollupDays; back >= 2; back--) {
        const begun = performance.now();
        await rollUpDay(db, addDays(today, -back));
        rollupSeconds.push((performance.now() - begun) / 1000);
      }
      await db.execute(
        sql`vacuum analyze community_member_days, community_member_activity, community_day_figures, community_members, users, communities, units`,
      );
      // The nightly run: yesterday, on a warm database, as the job does it.
      const begun = performance.now();
      await rollUpDay(db, addDays(today, -1));
      const yesterdaySeconds = (performance.now() - begun) / 1000;
      seeded = { events, memberships: communities.memberships, seedSeconds, rollupSeconds, yesterdaySeconds };
      writeFileSync(seedFile, JSON.stringify(seeded));
    }
    console.log('Seeded:', { ...seeded, rollupSeconds: undefined });

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
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    // Coordinators sign in with a second factor: sign in as a staff member, then make them a coordinator.
    const [person] = rowsOf<{ id: string; email: string }>(
      await db.execute(
        sql`select id, email from users where kind = 'staff' and role = 'member' order by email limit 1`,
      ),
    );
    const cookie = await signIn(app, origin, person?.email ?? '');
    await db.execute(sql`update users set role = 'coordinator' where id = ${person?.id ?? null}`);
    const largest = rowsOf<{ slug: string }>(
      await db.execute(sql`select slug from communities order by member_count desc limit 50`),
    );
    const [sizes] = rowsOf<{ largest: number; median: number }>(
      await db.execute(sql`select max(member_count)::int as largest,
        percentile_disc(0.5) within group (order by member_count)::int as median from communities`),
    );
    const headers = { cookie };
    const scenarios = [
      {
        name: 'GET /api/communities/:slug/dashboard (the 50 largest, last 90 days)',
        paths: largest.map((c) => `/api/communities/${c.slug}/dashboard`),
        target: 100,
      },
      {
        name: 'GET /api/portfolio?page=1 (the portfolio page: 50 communities, the totals of all)',
        paths: ['/api/portfolio?page=1'],
        target: 300,
      },
      {
        name: 'GET /api/portfolio (every community: the term report)',
        paths: ['/api/portfolio'],
        target: null,
      },
    ];
    const rows: string[] = [];
    // The profile: each of the dashboard's six statements (and the portfolio's two) alone, one at a time.
    const profile = await profileStatements(database, largest[0]?.slug ?? '');
    // Each of the 50 dashboards opened once, one after another, before the load: computed, not cached.
    const firstOpenings: number[] = [];
    for (const community of largest) {
      const begun = performance.now();
      const response = await fetch(`${origin}/api/communities/${community.slug}/dashboard`, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`The dashboard of ${community.slug} answered ${response.status}`);
      firstOpenings.push(performance.now() - begun);
    }
    rows.push(
      `| each of the 50 dashboards opened first (computed, nothing cached), one after another: median / max ms | | ${percentile(firstOpenings, 50).toFixed(0)} | ${Math.max(...firstOpenings).toFixed(0)} (max) | 0 | ${os.loadavg()[0]?.toFixed(1)} | |`,
    );
    for (const scenario of scenarios) {
      console.log(`Measuring ${scenario.name}…`);
      await runLoad({
        origin,
        paths: scenario.paths,
        headers,
        connections: settings.connections,
        seconds: 2,
      });
      const result = await runLoad({
        origin,
        paths: scenario.paths,
        headers,
        connections: settings.connections,
        seconds: settings.seconds,
      });
      const failed = result.non2xx + result.errors + result.timeouts;
      rows.push(
        `| ${scenario.name} | ${Math.round(result.requestsPerSecond).toLocaleString('en-GB')} | ${result.p50Ms} | ${result.p99Ms} | ${failed} | ${os.loadavg()[0]?.toFixed(1)} | ${scenario.target === null ? '' : `p99 < ${scenario.target} ms: ${result.p99Ms < scenario.target && failed === 0 ? 'MET' : 'MISSED'}`} |`,
      );
      const alone = await runLoad({
        origin,
        paths: scenario.paths,
        headers,
        connections: 1,
        seconds: Math.min(5, settings.seconds),
      });
      rows.push(
        `| the same, one request at a time | ${Math.round(alone.requestsPerSecond).toLocaleString('en-GB')} | ${alone.p50Ms} | ${alone.p99Ms} | ${alone.non2xx + alone.errors} | ${os.loadavg()[0]?.toFixed(1)} | |`,
      );
    }
    const [version] = rowsOf<{ version: string }>(await db.execute(sql`select version()`));
    const days = seeded.rollupSeconds;
    const lines = [
      '# Dashboard benchmark (#17)',
      '',
      'Written by `node bench/dashboard.ts`; overwritten on every run.',
      '',
      '| scenario | req/s | p50 ms | p99 ms | non-2xx + errors | load avg | target |',
      '| --- | ---: | ---: | ---: | --- | ---: | --- |',
      ...rows,
      '',
      '| statement (the largest community, the last 90 days), run alone | median ms | max ms |',
      '| --- | ---: | ---: |',
      ...profile,
      '',
      '| roll-up | seconds | target |',
      '| --- | ---: | --- |',
      `| the nightly roll-up of one day (yesterday, every community) | ${seeded.yesterdaySeconds.toFixed(2)} | under 60 s: ${seeded.yesterdaySeconds < 60 ? 'MET' : 'MISSED'} |`,
      `| the ${days.length} days before it, one at a time: median / p95 / max | ${percentile(days, 50).toFixed(2)} / ${percentile(days, 95).toFixed(2)} / ${Math.max(0, ...days).toFixed(2)} | |`,
      '',
      `- Date: ${new Date().toISOString()}`,
      `- Database: ${version?.version.split(' on ')[0] ?? 'PostgreSQL'}, pool of 20 connections; ${settings.connections} connections of load, ${settings.seconds} s each after 2 s of warm-up`,
      `- Node: ${process.version}; ${os.cpus().length} cores shared with other work (load average above)`,
      `- Data: ${settings.people.toLocaleString('en-GB')} people, ${settings.communities.toLocaleString('en-GB')} communities (largest ${sizes?.largest ?? 0}, median ${sizes?.median ?? 0} members), ${seeded.memberships.toLocaleString('en-GB')} memberships, ${seeded.events.toLocaleString('en-GB')} events over the last 365 days; seeded in ${seeded.seedSeconds.toFixed(0)} s`,
      '',
    ];
    writeFileSync(path.join(import.meta.dirname, 'RESULTS-dashboard.md'), lines.join('\n'));
    console.log(lines.join('\n'));
  } finally {
    await app?.close();
    await database.close().catch(() => undefined);
    await rm(uploads, { recursive: true, force: true });
  }
}

await main();
