import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../app.ts';
import { parseEnv } from '../env.ts';
import { discardingJobs } from '../jobs/queue.ts';
import { createDiskStorage } from '../lib/storage.ts';
import { freePort } from '../test/process.ts';
import { type Database, isDatabaseUnavailable, openDatabase } from './client.ts';

/**
 * With PostgreSQL unreachable (#12 item 1), a request is answered 503 with a clear JSON problem, not
 * 500, and health answers 503: the real app on a real pg pool pointed at a port nobody listens on.
 */
describe('a PostgreSQL server that cannot be reached', () => {
  let database: Database;
  let app: App;
  let uploads: string;
  beforeAll(async () => {
    const port = await freePort();
    database = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/gone`, poolSize: 2 });
    uploads = await mkdtemp(path.join(tmpdir(), 'copse-unavailable-'));
    app = await buildApp({
      env: parseEnv({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', DATA_DIR: uploads }),
      database,
      jobs: discardingJobs,
      storage: createDiskStorage(uploads),
      lifecycle: { shuttingDown: false },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await rm(uploads, { recursive: true, force: true });
  });

  it('answers a request 503 with a JSON problem and Retry-After', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/institution' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ error: 'unavailable' });
  });

  it('answers health 503', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable', database: 'postgres' });
  });

  it('tells a connection failure from a query error', async () => {
    const refused = await database.db.execute('select 1').catch((error: unknown) => error);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('syntax error at or near "selec"'))).toBe(false);
  });
});
