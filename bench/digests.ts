import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { seedCommunities } from '../seed/generate/communities.ts';
import { ensureUnits, seedPeople, unitNames } from '../seed/generate/people.ts';
import { type Database, openDatabase } from '../server/db/client.ts';
import { discardingJobs } from '../server/jobs/queue.ts';
import { hashPassword } from '../server/lib/crypto.ts';
import { rowsOf } from '../server/queries/raw-rows.ts';
import { sendDigests } from '../server/services/digests/send-digests.ts';
import { benchPassword } from './seed.ts';

/**
 * The digest benchmark (#16 §3), part of `npm run bench`: a fresh PostgreSQL database with
 * DIGEST_BENCH_PEOPLE people (50,000) in DIGEST_BENCH_COMMUNITIES communities (1,000; 3 memberships a
 * person), everyone on the daily digest and at 07:00 in their zone, then a seeded day of activity (per
 * community: three new threads, one an announcement kept for the digest of every member, a resource, a
 * meeting; a Ping in every fifth community; 30% of members have read the new threads). Then one run of
 * the digest job at that 07:00, every digest rendered (HTML and text) into the outbox, in a process of
 * its own (so the seed's memory is not counted): total time and peak resident memory (the child's
 * maxRSS), against the target of 2 minutes and 300 MB; then the job again, which must send none. Writes
 * bench/RESULTS-digests.md. `BENCH_DATABASE_URL` is the server (postgres@127.0.0.1 by default).
 */

const numberSetting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

/**
 * Node flags of the job's process. V8 sizes its heap by the machine's memory: on this 24 GB machine a
 * fresh process held 128 MB of young generation, and during the job the old generation grew to 200 MB
 * of mostly garbage (rendered emails) before V8 collected it, for a peak of 577 MB resident; the heap
 * in use after each collection stayed near 60 MB (7 December 2026). These flags, which
 * docs/admin-guide.md advises for the process that runs the jobs when it has a memory limit, size the
 * heap for what the job keeps; DIGEST_BENCH_NODE_FLAGS='' measures Node's defaults.
 */
const jobFlags = (process.env.DIGEST_BENCH_NODE_FLAGS ?? '--max-semi-space-size=16 --max-old-space-size=128')
  .split(' ')
  .filter(Boolean);

const settings = {
  serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  databaseName: 'copse_bench_digests',
  people: numberSetting('DIGEST_BENCH_PEOPLE', 50_000),
  communities: numberSetting('DIGEST_BENCH_COMMUNITIES', 1_000),
};

async function openFresh(): Promise<Database> {
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
  return openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
}

/**
 * Puts the figures in bench/RESULTS.md too, as its last section (replacing an earlier one): `npm run
 * bench` writes RESULTS.md afresh, then this script adds the digests.
 */
function appendToResults(lines: string[]): void {
  const file = path.join(import.meta.dirname, 'RESULTS.md');
  const marker = '\n## Digest benchmark (#16 §3)\n';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const before = current.includes(marker) ? current.slice(0, current.indexOf(marker)) : current.trimEnd();
  const section = [`#${lines[0] ?? ''}`, ...lines.slice(1)].join('\n');
  writeFileSync(file, `${before}\n${marker}${section.slice(section.indexOf('\n') + 1)}`);
}

/** The day of activity before `now` (the digest's 07:00), set-based. */
async function seedDay(database: Database, now: Date): Promise<Record<string, number>> {
  const { db } = database;
  const at = sql`${now.toISOString()}::timestamptz`;
  const earlier = sql`${at} - (random() * interval '20 hours') - interval '1 minute'`;
  await db.execute(sql`update users set time_zone = 'UTC',
    language = (array['en', 'nl', 'it'])[1 + floor(random() * 3)::int]`);
  await db.execute(sql`insert into notification_preferences (user_id, kind, email)
    select id, 'community.digest', 'daily' from users
    on conflict (user_id, kind) do update set email = excluded.email`);
  await db.execute(sql`insert into threads (community_id, author_id, kind, title, body, last_activity_at, created_at)
    select c.id, l.user_id, (case when g = 1 then 'announcement' else 'discussion' end)::thread_kind,
      'News ' || g || ' of ' || c.name, 'What happened today.', d.at, d.at
    from communities c
    cross join generate_series(1, 3) g
    cross join lateral (select ${earlier} + (g * interval '0 seconds') as at) d
    cross join lateral (select user_id from community_members m
      where m.community_id = c.id order by m.role limit 1) l`);
  await db.execute(sql`insert into thread_reads (thread_id, user_id, last_read_at)
    select t.id, m.user_id, ${at}
    from threads t join community_members m on m.community_id = t.community_id
    where t.created_at > ${at} - interval '1 day' and random() < 0.3
    on conflict do nothing`);
  await db.execute(sql`insert into notifications (user_id, kind, title, body, url, community_id, digest, created_at)
    select m.user_id, 'community.announcement', c.name || ': ' || t.title, 'What happened today.',
      '/discussions/' || t.id, t.community_id, 'daily', t.created_at
    from threads t
    join communities c on c.id = t.community_id
    join community_members m on m.community_id = t.community_id and m.user_id is distinct from t.author_id
    where t.kind = 'announcement' and t.created_at > ${at} - interval '1 day'`);
  await db.execute(sql`insert into resources (community_id, author_id, kind, title, url, created_at)
    select c.id, null, 'link', 'A guide shared in ' || c.name, 'https://example.org/guide', ${earlier}
    from communities c`);
  await db.execute(sql`insert into meetings (community_id, title, starts_at, ends_at, time_zone, created_at)
    select c.id, 'Meeting of ' || c.name, ${at} + interval '3 days', ${at} + interval '3 days 1 hour', 'UTC', ${earlier}
    from communities c`);
  await db.execute(sql`with made as (
      insert into pings (community_id, question, kind, audience, results_visibility, opens_at, closes_at)
      select c.id, 'Which day suits ' || c.name || '?', 'text', 'all', 'live', ${earlier}, ${at} + interval '2 days'
      from communities c where abs(hashtext(c.id::text)) % 5 = 0
      returning id, community_id)
    insert into ping_recipients (ping_id, user_id)
    select made.id, m.user_id from made join community_members m on m.community_id = made.community_id`);
  await db.execute(sql`vacuum analyze users, notification_preferences, threads, thread_reads, notifications,
    resources, meetings, pings, ping_recipients, community_members`);
  const [counts] = rowsOf<Record<string, number>>(
    await db.execute(sql`select
      (select count(*)::int from threads) as threads,
      (select count(*)::int from notifications) as notifications,
      (select count(*)::int from resources) as resources,
      (select count(*)::int from meetings) as meetings,
      (select count(*)::int from ping_recipients) as "pingRecipients",
      (select count(*)::int from thread_reads) as "threadReads"`),
  );
  return counts ?? {};
}

async function main(): Promise<void> {
  const database = await openFresh();
  try {
    await database.migrate();
    const seedStarted = performance.now();
    const { db } = database;
    const units = await ensureUnits(db, unitNames);
    const passwordHash = await hashPassword(benchPassword);
    await seedPeople(db, { count: settings.people, units, passwordHash, concurrency: 2 });
    const seeded = await seedCommunities(db, {
      count: settings.communities,
      memberships: settings.people * 3,
      units,
      featured: [],
      concurrency: 2,
    });
    // The next 07:00 UTC: every seeded person's local morning (their zone is UTC).
    const now = new Date();
    now.setUTCHours(7, 0, 0, 0);
    if (now.getTime() <= Date.now()) now.setUTCDate(now.getUTCDate() + 1);
    const day = await seedDay(database, now);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(`Seeded in ${seedSeconds.toFixed(1)} s:`, seeded.memberships, 'memberships', day);

    const run = spawnSync(process.execPath, [...jobFlags, import.meta.filename, 'run', now.toISOString()], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`the digest run failed (${run.status})`);
    const measured = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
      members: number;
      sent: number;
      seconds: number;
      peak: number;
      baseline: number;
    };
    const { seconds, peak, baseline } = measured;
    const result = { members: measured.members, sent: measured.sent };
    const [outbox] = rowsOf<{ count: number; bytes: number }>(
      await db.execute(
        sql`select count(*)::int as count, coalesce(sum(length(html_body) + length(text_body)), 0)::bigint as bytes from mail_messages`,
      ),
    );
    const again = await sendDigests({ database, jobs: discardingJobs }, 'https://copse.example.edu', now);
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    const [version] = rowsOf<{ version: string }>(await db.execute(sql`select version()`));
    const lines = [
      '# Digest benchmark (#16 §3)',
      '',
      'Written by `node bench/digests.ts` (run by `npm run bench` after the API scenarios); overwritten on every run.',
      '',
      '| measure | value | target |',
      '| --- | ---: | --- |',
      `| members at 07:00 | ${result.members.toLocaleString('en-GB')} | |`,
      `| digests rendered into the outbox (HTML and text) | ${result.sent.toLocaleString('en-GB')} | one per member with something new |`,
      `| total time of the job | ${seconds.toFixed(1)} s | under 120 s: ${seconds < 120 ? 'MET' : 'MISSED'} |`,
      `| peak resident memory (RSS) of the job's process | ${mb(peak)} MB | under 300 MB: ${mb(peak) < 300 ? 'MET' : 'MISSED'} |`,
      `| of which the process had before the job (Node, the TypeScript loader, the modules) | ${mb(baseline)} MB | |`,
      `| growth during the job | ${mb(peak - baseline)} MB | |`,
      `| outbox size | ${mb(Number(outbox?.bytes ?? 0))} MB in ${Number(outbox?.count ?? 0).toLocaleString('en-GB')} emails | |`,
      `| the same job run again | ${again.sent} sent | 0 (claimed once per member and day) |`,
      '',
      `- Date: ${new Date().toISOString()}`,
      `- The job's process ran with Node flags: ${jobFlags.join(' ') || "none (Node's defaults)"}`,
      `- Database: ${version?.version.split(' on ')[0] ?? 'PostgreSQL'}, pool of 4 connections`,
      `- Node: ${process.version}; ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)} at the end (a shared machine slows the job)`,
      `- Data: ${settings.people.toLocaleString('en-GB')} people, ${settings.communities.toLocaleString('en-GB')} communities, ${seeded.memberships.toLocaleString('en-GB')} memberships; the day: ${JSON.stringify(day)}; seeded in ${seedSeconds.toFixed(1)} s`,
      '',
    ];
    writeFileSync(path.join(import.meta.dirname, 'RESULTS-digests.md'), lines.join('\n'));
    appendToResults(lines);
    console.log(lines.join('\n'));
  } finally {
    await database.close();
  }
}

/** The measured part, in a child process: one run of the job on the seeded database; prints JSON. */
async function measure(now: Date): Promise<void> {
  const url = new URL(settings.serverUrl);
  url.pathname = `/${settings.databaseName}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    const baseline = process.memoryUsage().rss;
    const started = performance.now();
    const result = await sendDigests({ database, jobs: discardingJobs }, 'https://copse.example.edu', now);
    const seconds = (performance.now() - started) / 1000;
    const peak = process.resourceUsage().maxRSS * 1024;
    console.log(JSON.stringify({ ...result, seconds, peak, baseline }));
  } finally {
    await database.close();
  }
}

if (process.argv[2] === 'run') await measure(new Date(process.argv[3] ?? ''));
else await main();
