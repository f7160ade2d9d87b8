/**
 * `node bench/search-probe.ts`: one search at a time on a seeded bench database, every query of the
 * benchmark's lists (bench/scenarios.ts) by best match and newest first, as the bench member, with
 * each query's time (best of three), the processor time its PostgreSQL backend and Node spent on it
 * (a parallel worker's is in neither), its estimated matches and the path it took. For finding which
 * words are slow and why, before and after a change; `npm run bench` gives the figures that count.
 * Settings: BENCH_DATABASE_URL (the server), BENCH_DATABASE_NAME (`copse_bench`).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.ts';
import type { Actor } from '../server/lib/actor.ts';
import { rowsOf } from '../server/queries/raw-rows.ts';
import { searchEverything } from '../server/queries/search.ts';
import { commonMin, commonShare } from '../server/queries/search-ranking.ts';
import { oneWordSearches, twoWordSearches } from './scenarios.ts';

const name = process.env.BENCH_DATABASE_NAME ?? 'copse_bench';
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
server.pathname = `/${name}`;
// The bench member, from the seed the last `npm run bench` kept (bench/run.ts).
const seed = JSON.parse(readFileSync(path.join(tmpdir(), `${name}-data.json`), 'utf8')) as {
  signIn: { email: string };
};
// One connection, so every statement runs in the one backend whose processor time is read below.
const database = await openDatabase({ databaseUrl: server.toString(), poolSize: 1 });
const db = database.db;
const [backend] = rowsOf<{ pid: number }>(await db.execute(sql`select pg_backend_pid() as pid`));
/** The backend's processor time so far, in ms (Linux: /proc/<pid>/schedstat, nanoseconds on a CPU). */
const backendCpuMs = () =>
  Number(readFileSync(`/proc/${backend?.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;

const [member] = rowsOf<Omit<Actor, 'sessionId'>>(
  await db.execute(sql`select id::text as id, email, display_name as "displayName", role, kind from users
    where email = ${seed.signIn.email}`),
);
if (!member) throw new Error('no bench member: seed with npm run bench first');
const actor: Actor = { ...member, sessionId: 'probe' };

const lines = [
  '| query | sort | matches (estimated) | path | ms (best of 3) | results |',
  '| --- | --- | ---: | --- | ---: | ---: |',
];
for (const q of [...oneWordSearches, ...twoWordSearches]) {
  const [row] = rowsOf<{ n: string; t: string }>(
    await db.execute(sql`select copse_search_estimate('posts'::regclass, copse_tsquery(${q})) as n,
      (select reltuples from pg_class where oid = 'posts'::regclass) as t`),
  );
  const estimate = Number(row?.n);
  const common = estimate >= Math.max(commonMin, commonShare * Number(row?.t));
  for (const sort of ['relevance', 'newest'] as const) {
    let best = Number.POSITIVE_INFINITY;
    let results = 0;
    let databaseCpu = 0;
    let nodeCpu = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const cpuBefore = backendCpuMs();
      const nodeBefore = process.cpuUsage();
      const answer = await searchEverything(db, actor, { q, sort, limit: 20, withPeople: true });
      const took = performance.now() - started;
      if (took < best) {
        best = took;
        databaseCpu = backendCpuMs() - cpuBefore;
        const node = process.cpuUsage(nodeBefore);
        nodeCpu = (node.user + node.system) / 1000;
      }
      results = answer.rows.length;
    }
    const path = sort === 'relevance' && common ? 'newest matches ranked' : 'every match';
    lines.push(
      `| ${q} | ${sort} | ${estimate.toLocaleString('en')} | ${path} | ${best.toFixed(1)} | ${databaseCpu.toFixed(1)} | ${nodeCpu.toFixed(1)} | ${results} |`,
    );
    console.log(lines.at(-1));
  }
}
await database.close();
