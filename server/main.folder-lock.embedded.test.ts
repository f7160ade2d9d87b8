import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startCopse as start, waitForHealth } from './test/process.ts';

/**
 * The embedded database's data folder is one Copse's at a time: a second process on it stops at once
 * and says why. Only the embedded database takes the lock, so the file runs in the PGlite pass only
 * (`*.embedded.test.ts`, vitest.config.ts).
 */
describe('the data folder lock', () => {
  let dataDir = '';
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to open an embedded data folder another Copse is using', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'copse-lock-'));
    const port = await freePort();
    const first = start(dataDir, port);
    await waitForHealth(port);
    const second = start(dataDir, await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('already using the data folder');
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, 120_000);
});
