import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createDiskStorage } from '../../lib/storage.ts';
import { createServerTestDatabase } from '../../test/database.ts';
import { createTestCommunity, createUnit, createUser } from '../../test/factories.ts';
import { openDatabase } from '../client.ts';
import { savePgliteTemplate } from '../pglite-template.ts';
import { moveToPostgres } from './move-to-postgres.ts';
import { checksumDatabase } from './tables.ts';

/**
 * The move of a seeded embedded installation into a new, empty PostgreSQL database (PostgreSQL pass
 * only): every table's checksum is equal on both, and the uploads copied to another folder are the same
 * bytes.
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

it('moves every record and file of a seeded PGlite installation into an empty PostgreSQL database', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'copse-move-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  const source = await openDatabase({
    dataDir: path.join(folder, 'pglite'),
    pgliteTemplate: await savePgliteTemplate(),
  });
  cleanups.push(() => source.close());
  await source.migrate();
  const server = await createServerTestDatabase();
  if (!server) throw new Error('This test runs in the PostgreSQL pass (TEST_DATABASE_URL).');
  cleanups.push(server.drop);
  const target = await openDatabase({ databaseUrl: server.url, poolSize: 2 });
  cleanups.push(() => target.close());

  const unit = await createUnit(source.db, 'Moving unit');
  const leader = await createUser(source.db, { role: 'coordinator', unitId: unit.id, expertise: ['moves'] });
  await createUser(source.db, { interests: ['ünïcode', 'a\ttab'] });
  await createTestCommunity(source.db, [leader.id], { name: 'Outgrowing PGlite' });
  const storage = createDiskStorage(path.join(folder, 'uploads'));
  const photo = randomBytes(50_000);
  await storage.put('photos/leader.jpg', photo);
  const uploadsTo = createDiskStorage(path.join(folder, 'moved-uploads'));

  const report = await moveToPostgres({
    source,
    target,
    storage,
    backupFile: path.join(folder, 'before-move.tar.gz'),
    uploadsTo,
    secrets: { DATA_DIR: folder },
  });

  expect(report).toMatchObject({ files: 1, filesMoved: true });
  const before = await checksumDatabase(source);
  expect(before.get('users')?.rows).toBe(2);
  expect(await checksumDatabase(target)).toEqual(before);
  expect(await uploadsTo.get('photos/leader.jpg')).toEqual(photo);
  await expect(
    moveToPostgres({
      source,
      target,
      storage,
      backupFile: path.join(folder, 'again.tar.gz'),
      secrets: { DATA_DIR: folder },
    }),
  ).rejects.toThrow(/not empty/);
});
