import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.ts';
import { openDatabase } from '../server/db/client.ts';
import { parseEnv } from '../server/env.ts';
import { discardingJobs } from '../server/jobs/queue.ts';
import { createDiskStorage } from '../server/lib/storage.ts';
import { sessionCookieName } from '../server/plugins/auth.ts';
import { type BenchData, benchPassword } from './seed.ts';

/**
 * `node bench/cpu-per-request.ts [count] [label]`, after a PostgreSQL bench run: the Node CPU time of each
 * page's requests, one request at a time on the left-over bench database (`BENCH_DATABASE_NAME`), and
 * the wall time of each (Node, the round trips and PostgreSQL). CPU time holds on a busy machine where
 * requests per second do not; it shows which routes are bound by Node rather than by their queries.
 */
const count = Number(process.argv[2] ?? 200);
const databaseName = process.env.BENCH_DATABASE_NAME ?? 'copse_bench';
const data = JSON.parse(
  readFileSync(path.join(os.tmpdir(), `${databaseName}-data.json`), 'utf8'),
) as BenchData;
const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
serverUrl.pathname = `/${databaseName}`;
const database = await openDatabase({ databaseUrl: serverUrl.toString(), poolSize: 4 });
const uploads = path.join(os.tmpdir(), 'copse-bench-cpu');
const env = parseEnv({
  NODE_ENV: process.env.NODE_ENV === 'development' ? 'development' : 'production',
  PUBLIC_URL: 'http://127.0.0.1:3000',
  DATA_DIR: uploads,
  LOG_LEVEL: 'silent',
  WORKERS: 'false',
});
const app = await buildApp({
  env,
  database,
  jobs: discardingJobs,
  storage: createDiskStorage(uploads),
  logger: false,
});
try {
  const signin = await app.inject({
    method: 'POST',
    url: '/api/auth/signin',
    payload: { email: data.signIn.email, password: benchPassword },
  });
  const name = sessionCookieName(env.publicUrl);
  const cookie = signin.cookies.find((c) => c.name === name);
  if (!cookie) throw new Error(`sign-in failed: ${signin.statusCode}`);
  const headers = { cookie: `${name}=${cookie.value}` };
  const groups: [string, string[]][] = [
    ['GET /api/me', ['/api/me']],
    ['thread page', data.context.threadIds.map((id) => `/api/threads/${id}`)],
    ['thread list', data.context.threadListSlugs.map((slug) => `/api/communities/${slug}/threads`)],
    ['home', ['/api/home']],
    ['resource page', data.context.resourceIds.map((id) => `/api/resources/${id}`)],
    ['community home', data.context.communitySlugs.map((slug) => `/api/communities/${slug}`)],
    ['calendar', ['/api/calendar?when=upcoming', '/api/calendar?when=past']],
    ['meetings', data.context.meetingSlugs.map((slug) => `/api/communities/${slug}/meetings?when=upcoming`)],
    ['directory', ['/api/communities?limit=12', '/api/communities?open=true&limit=12']],
    ['people search', data.context.searchTerms.map((term) => `/api/people?q=${encodeURIComponent(term)}`)],
    ['member feed', [`/api/calendar/feeds/${data.context.feedToken}.ics`]],
  ];
  const only = process.argv[3];
  for (const [label, urls] of groups.filter(([label]) => !only || label === only)) {
    for (const url of urls) await app.inject({ method: 'GET', url, headers });
    const cpu = process.cpuUsage();
    const started = performance.now();
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const response = await app.inject({ method: 'GET', url: urls[i % urls.length] ?? '/', headers });
      if (response.statusCode !== 200) throw new Error(`${label}: ${response.statusCode}`);
      bytes += response.rawPayload.length;
    }
    const used = process.cpuUsage(cpu);
    const wall = (performance.now() - started) / count;
    console.log(
      `${label.padEnd(14)} Node CPU ${((used.user + used.system) / 1000 / count).toFixed(2)} ms, wall ${wall.toFixed(2)} ms a request, ${(bytes / count / 1024).toFixed(1)} KB`,
    );
  }
} finally {
  await app.close();
  await database.close();
}
