import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type App, buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { parseEnv } from '../env.ts';
import { discardingJobs, type Jobs } from '../jobs/queue.ts';
import { createDiskStorage, type Storage } from '../lib/storage.ts';
import type { SecurityControl } from '../plugins/controls.ts';
import { openTestDatabase } from './database.ts';

export interface TestApp {
  app: App;
  database: Database;
  close: () => Promise<void>;
}

/**
 * Builds the real application on a fresh test database, with uploads in a temporary folder (or the
 * `storage` given, e.g. an S3 bucket); `env` adds settings (as the environment would spell them, e.g.
 * `{ TRUST_PROXY: 'true' }`); `logger` sends the log lines to a stream the test reads;
 * `withoutControls` leaves security controls out (docs/security.md, "How the map is checked").
 */
export async function getTestApp(
  options: {
    jobs?: Jobs;
    env?: Record<string, string>;
    storage?: Storage;
    /** Log lines to read (off otherwise). */
    logger?: { level: string; stream: { write(line: string): void } };
    /** Security controls to leave out (server/security-controls.test.ts only). */
    withoutControls?: readonly SecurityControl[];
  } = {},
): Promise<TestApp> {
  const { database, dispose } = await openTestDatabase();
  const uploads = await mkdtemp(path.join(tmpdir(), 'copse-test-'));
  const env = parseEnv({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://localhost:3000',
    DATA_DIR: uploads,
    ...options.env,
  });
  const app = await buildApp(
    {
      env,
      database,
      jobs: options.jobs ?? discardingJobs,
      storage: options.storage ?? createDiskStorage(uploads),
      lifecycle: { shuttingDown: false },
      ...(options.logger ? { logger: options.logger } : {}),
    },
    options.withoutControls ? { withoutControls: options.withoutControls } : {},
  );
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await dispose();
      await rm(uploads, { recursive: true, force: true });
    },
  };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request through `app.inject` as the holder of `cookie` (or signed out), with an optional JSON body. */
export function requester(t: TestApp) {
  return (method: Method, url: string, cookie?: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
}
