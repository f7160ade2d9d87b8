import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerTestDatabase } from './test/database.ts';
import { freePort, startCopse as start, waitForHealth } from './test/process.ts';

/**
 * The process as an operator runs it: the embedded database on a data folder, a clean exit on SIGTERM,
 * and records that survive a restart (on PostgreSQL too when TEST_DATABASE_URL is set). The data
 * folder's lock, which only the embedded database takes: main.folder-lock.embedded.test.ts.
 */
describe('the Copse process', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  const newDataDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'copse-main-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };

  it('exits 0 on SIGTERM and keeps every record across a restart', async () => {
    const server = await createServerTestDatabase();
    if (server) cleanups.push(server.drop);
    const dataDir = await newDataDir();
    const port = await freePort();
    const first = start(dataDir, port, server?.url);
    await waitForHealth(port);
    const setup = await fetch(`http://127.0.0.1:${port}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        institutionName: 'Persisted College',
        email: 'root@example.test',
        password: 'long admin password',
        displayName: 'Root',
      }),
    });
    expect(setup.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const again = start(dataDir, port, server?.url);
    await waitForHealth(port);
    const institution = (await (await fetch(`http://127.0.0.1:${port}/api/institution`)).json()) as {
      data: { name: string; setupNeeded: boolean };
    };
    expect(institution.data).toMatchObject({ name: 'Persisted College', setupNeeded: false });
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 120_000);
});
