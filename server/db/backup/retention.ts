import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SecretKeySource } from '../../lib/secret-box.ts';
import type { Storage } from '../../lib/storage.ts';
import type { Database } from '../client.ts';
import { createBackup } from './create-backup.ts';
import type { BackupManifest } from './manifest.ts';

/**
 * Backup files are named by the time they were made (UTC, to the millisecond; names from before 7
 * December 2026 have whole seconds), so two made in the same second are two files.
 */
const backupName = /^copse-backup-(\d{8}T\d{6})(\d{3})?Z\.tar\.gz$/;

export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replaceAll('-', '').replaceAll(':', '').replace('.', '');
  return `copse-backup-${stamp}.tar.gz`;
}

export interface BackupFile {
  name: string;
  file: string;
  size: number;
  createdAt: Date;
}

/** The finished backups in `dir`, newest first (a `.partial` file being written is not one). */
export async function listBackupFiles(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    const match = backupName.exec(name);
    if (!match?.[1]) continue;
    const stamp = match[1];
    const createdAt = new Date(
      `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${match[2] ?? '000'}Z`,
    );
    const file = path.join(dir, name);
    found.push({ name, file, size: (await stat(file)).size, createdAt });
  }
  return found.sort(
    (a, b) =>
      b.createdAt.getTime() - a.createdAt.getTime() || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0),
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Deletes the oldest backups in `dir` beyond the newest `keep`; answers the names deleted. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const backups = await listBackupFiles(dir);
  const old = backups.slice(Math.max(keep, 0));
  for (const backup of old) await rm(backup.file, { force: true });
  return old.map((backup) => backup.name);
}

/** This Copse's version (package.json), written into every backup's manifest. */
export async function copseVersion(): Promise<string> {
  const root = path.resolve(import.meta.dirname, '../../..');
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return version;
}

export interface BackupRun {
  file: string;
  manifest: BackupManifest;
  deleted: string[];
}

/**
 * One backup into `dir` under a name with the time, then the retention: the scheduled job, the admin
 * page's "Back up now" and `npm run backup` without a file name all come here.
 */
export async function backUpInto(options: {
  database: Database;
  storage: Storage;
  dir: string;
  keep: number;
  secrets: SecretKeySource;
  now?: Date;
}): Promise<BackupRun> {
  // A name no backup has yet: one made in the same millisecond (two at once) takes the next.
  let at = options.now ?? new Date();
  while (await exists(path.join(options.dir, backupFileName(at)))) at = new Date(at.getTime() + 1);
  const file = path.join(options.dir, backupFileName(at));
  const manifest = await createBackup({
    database: options.database,
    storage: options.storage,
    file,
    copseVersion: await copseVersion(),
    secrets: options.secrets,
  });
  const deleted = await pruneBackups(options.dir, options.keep);
  return { file, manifest, deleted };
}
