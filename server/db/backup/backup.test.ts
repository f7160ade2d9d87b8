import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecretKeySource, seal, secretKey, unseal } from '../../lib/secret-box.ts';
import { createDiskStorage, type Storage } from '../../lib/storage.ts';
import { openTestDatabase } from '../../test/database.ts';
import {
  createContactRequest,
  createProposal,
  createTestCommunity,
  createUnit,
  createUser,
} from '../../test/factories.ts';
import type { Database } from '../client.ts';
import { readArchive, writeArchive } from './archive.ts';
import { createBackup } from './create-backup.ts';
import { archivePaths, backupManifest } from './manifest.ts';
import { restoreBackup } from './restore-backup.ts';
import { backUpInto, backupFileName, listBackupFiles, pruneBackups } from './retention.ts';
import { checksumDatabase } from './tables.ts';

/**
 * Backs up a seeded installation (on the database of this pass: PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set) with two uploaded files, restores it into an empty one, and compares every
 * table's checksum and every file's bytes; then the refusals.
 */
interface Installation {
  database: Database;
  storage: Storage;
  uploads: string;
  /** The installation's data folder, where its secret key file is made. */
  secrets: SecretKeySource;
  dispose: () => Promise<void>;
}

async function openInstallation(): Promise<Installation> {
  const { database, dispose } = await openTestDatabase();
  const uploads = await mkdtemp(path.join(tmpdir(), 'copse-backup-uploads-'));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'copse-backup-data-'));
  return {
    database,
    storage: createDiskStorage(uploads),
    uploads,
    secrets: { DATA_DIR: dataDir },
    async dispose() {
      await dispose();
      await rm(uploads, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const photo = randomBytes(300_000);
const logo = Buffer.from('a small logo that is not really a picture\n');

let source: Installation;
let target: Installation;
let folder: string;
let backup: string;
let sealedBySource: string;

beforeAll(async () => {
  [source, target] = await Promise.all([openInstallation(), openInstallation()]);
  folder = await mkdtemp(path.join(tmpdir(), 'copse-backups-'));
  const { db } = source.database;
  const unit = await createUnit(db, 'Faculté des Sciences — “quotes” and ünïcode');
  const leader = await createUser(db, { role: 'administrator', unitId: unit.id, expertise: ['feedback'] });
  const member = await createUser(db, { suspended: true, interests: ['a "quoted", comma\nnewline'] });
  await createTestCommunity(db, [leader.id], { name: 'Backups are a practice' });
  await createProposal(db, member.id);
  await createContactRequest(db);
  await source.storage.put('photos/person.jpg', photo);
  await source.storage.put('logo.png', logo);
  sealedBySource = seal(secretKey(source.secrets), 'a two-factor secret');
  backup = path.join(folder, 'seeded.tar.gz');
  await createBackup({
    database: source.database,
    storage: source.storage,
    file: backup,
    copseVersion: '0.1.0',
    secrets: source.secrets,
  });
});

afterAll(async () => {
  await Promise.all([source?.dispose(), target?.dispose()]);
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every table and file of a seeded installation into an empty one', async () => {
    const report = await restoreBackup({
      database: target.database,
      storage: target.storage,
      file: backup,
      secrets: target.secrets,
    });
    expect(report.manifest.files.map((file) => file.key).sort()).toEqual(['logo.png', 'photos/person.jpg']);
    const before = await checksumDatabase(source.database);
    const after = await checksumDatabase(target.database);
    expect(before.get('users')?.rows).toBe(2);
    expect(after).toEqual(before);
    expect(await target.storage.get('photos/person.jpg')).toEqual(photo);
    expect(await target.storage.get('logo.png')).toEqual(logo);
    // The key file came along: what the source sealed (two-factor secrets) opens in the target.
    expect(unseal(secretKey(target.secrets), sealedBySource)).toBe('a two-factor secret');
  });

  it('refuses a backup whose secrets were sealed with a SECRET_KEY this installation does not have', async () => {
    const keyed = path.join(folder, 'keyed.tar.gz');
    const backedUpKey = 'the backed-up installation key, 32+ characters long';
    const manifest = await createBackup({
      database: source.database,
      storage: source.storage,
      file: keyed,
      copseVersion: '0.1.0',
      secrets: { ...source.secrets, SECRET_KEY: backedUpKey },
    });
    expect(manifest.secretKey?.file).toBeUndefined();
    const into = (SECRET_KEY?: string) =>
      restoreBackup({
        database: target.database,
        storage: target.storage,
        file: keyed,
        force: true,
        secrets: { ...target.secrets, SECRET_KEY },
      });
    await expect(into()).rejects.toThrow(
      /made with SECRET_KEY set.*Set SECRET_KEY to the value.*Nothing was changed/,
    );
    await expect(into('another key altogether, also 32+ characters')).rejects.toThrow(
      /SECRET_KEY here is not the key.*Nothing was changed/,
    );
    expect(await target.storage.get('logo.png')).toEqual(logo);
  });

  it('refuses to restore into an installation that is not empty', async () => {
    await expect(
      restoreBackup({
        database: target.database,
        storage: target.storage,
        file: backup,
        secrets: target.secrets,
      }),
    ).rejects.toThrow(/not empty: it has accounts or uploaded files.*--force/);
  });

  it('refuses a cut-off or altered backup before changing anything', async () => {
    const cut = path.join(folder, 'cut.tar.gz');
    await writeFile(cut, await readFile(backup));
    await truncate(cut, Math.floor((await stat(cut)).size / 2));
    await expect(
      restoreBackup({
        database: target.database,
        storage: target.storage,
        file: cut,
        secrets: target.secrets,
      }),
    ).rejects.toThrow(/damaged or incomplete.*Nothing was changed/);

    // A file's bytes altered inside an otherwise well-formed archive: its checksum no longer matches.
    const altered = path.join(folder, 'altered.tar.gz');
    await rewriteArchive(backup, altered, (name, bytes) =>
      name === archivePaths.file('logo.png') ? Buffer.from(bytes.toString().toUpperCase()) : bytes,
    );
    await expect(
      restoreBackup({
        database: target.database,
        storage: target.storage,
        file: altered,
        force: true,
        secrets: target.secrets,
      }),
    ).rejects.toThrow(/damaged: file logo.png does not match its checksum/);
    expect(await target.storage.get('logo.png')).toEqual(logo);
  });

  it('refuses a backup from a newer Copse', async () => {
    const newer = path.join(folder, 'newer.tar.gz');
    await rewriteArchive(backup, newer, (name, bytes) => {
      if (name !== archivePaths.manifest) return bytes;
      const manifest = backupManifest.parse(JSON.parse(bytes.toString()));
      const migration = { ...manifest.migration, index: 999, tag: '0999_future', when: 4_102_444_800_000 };
      return Buffer.from(JSON.stringify({ ...manifest, copseVersion: '9.0.0', migration }));
    });
    await expect(
      restoreBackup({
        database: target.database,
        storage: target.storage,
        file: newer,
        force: true,
        secrets: target.secrets,
      }),
    ).rejects.toThrow(/newer Copse \(9\.0\.0\).*0999_future.*Upgrade Copse/);
  });

  it('keeps the newest backups and deletes the oldest beyond the retention count', async () => {
    const dir = path.join(folder, 'scheduled');
    const times = ['2026-12-01T03:00:00Z', '2026-12-02T03:00:00Z', '2026-12-03T03:00:00Z'];
    await mkdir(dir, { recursive: true });
    for (const time of times.slice(0, 2))
      await writeFile(path.join(dir, backupFileName(new Date(time))), 'old');
    await writeFile(path.join(dir, 'notes.txt'), 'not a backup');
    const run = await backUpInto({
      database: source.database,
      storage: source.storage,
      dir,
      keep: 2,
      secrets: source.secrets,
      now: new Date(times[2] ?? ''),
    });
    expect(run.deleted).toEqual([backupFileName(new Date(times[0] ?? ''))]);
    const left = await listBackupFiles(dir);
    expect(left.map((file) => file.createdAt.toISOString())).toEqual([
      '2026-12-03T03:00:00.000Z',
      '2026-12-02T03:00:00.000Z',
    ]);
    expect(await pruneBackups(dir, 1)).toEqual([backupFileName(new Date(times[1] ?? ''))]);
  });

  it('makes two files of two backups in the same moment, newest first, beside names in whole seconds', async () => {
    const dir = path.join(folder, 'same-moment');
    await mkdir(dir, { recursive: true });
    // A backup named as before 7 December 2026 (whole seconds), a second earlier.
    await writeFile(path.join(dir, 'copse-backup-20261207T164600Z.tar.gz'), 'old');
    const now = new Date('2026-12-07T16:46:01.250Z');
    const backUp = () =>
      backUpInto({
        database: source.database,
        storage: source.storage,
        dir,
        keep: 10,
        secrets: source.secrets,
        now,
      });
    const first = await backUp();
    const second = await backUp();
    expect(second.file).not.toBe(first.file);
    const listed = await listBackupFiles(dir);
    expect(listed.map((file) => file.name)).toEqual([
      'copse-backup-20261207T164601251Z.tar.gz',
      'copse-backup-20261207T164601250Z.tar.gz',
      'copse-backup-20261207T164600Z.tar.gz',
    ]);
    expect(listed[2]?.createdAt.toISOString()).toBe('2026-12-07T16:46:00.000Z');
  });
});

/** Copies an archive entry by entry, changing the bytes of the entries `change` alters. */
async function rewriteArchive(from: string, to: string, change: (name: string, bytes: Buffer) => Buffer) {
  const out = writeArchive(to);
  await readArchive(from, async (entry) => {
    const chunks: Buffer[] = [];
    for await (const chunk of entry.body) chunks.push(chunk as Buffer);
    await out.addBuffer(entry.name, change(entry.name, Buffer.concat(chunks)));
  });
  await out.finish();
}
