import type { SecretKeySource } from '../../lib/secret-box.ts';
import type { Storage } from '../../lib/storage.ts';
import type { Database } from '../client.ts';
import { createBackup } from './create-backup.ts';
import { BackupError } from './manifest.ts';
import { restoreBackup } from './restore-backup.ts';
import { copseVersion } from './retention.ts';
import { checksumDatabase } from './tables.ts';

export interface MoveReport {
  tables: number;
  rows: number;
  /** Files copied to `uploadsTo`, or left where they are. */
  files: number;
  filesMoved: boolean;
}

/**
 * Moves an installation's records from the embedded database to an empty PostgreSQL database: a backup
 * of the PGlite data (kept at `backupFile`, a way back), restored into PostgreSQL, then every table's
 * checksum compared on both. The uploads stay in `storage` unless `uploadsTo` names another Storage,
 * to which they are copied (and checked).
 */
export async function moveToPostgres(options: {
  source: Database;
  target: Database;
  storage: Storage;
  backupFile: string;
  uploadsTo?: Storage | undefined;
  secrets: SecretKeySource;
}): Promise<MoveReport> {
  if (options.source.kind !== 'pglite' || options.target.kind !== 'postgres')
    throw new BackupError('The move goes from the embedded database (DATA_DIR) to a PostgreSQL server.');
  const manifest = await createBackup({
    database: options.source,
    storage: options.storage,
    file: options.backupFile,
    copseVersion: await copseVersion(),
    includeFiles: options.uploadsTo !== undefined,
    secrets: options.secrets,
  });
  await restoreBackup({
    database: options.target,
    storage: options.uploadsTo ?? options.storage,
    file: options.backupFile,
    secrets: options.secrets,
  });
  const [before, after] = await Promise.all([
    checksumDatabase(options.source),
    checksumDatabase(options.target),
  ]);
  for (const [name, expected] of before) {
    const actual = after.get(name);
    if (actual?.checksum !== expected.checksum)
      throw new BackupError(
        `Table ${name} differs after the move (${actual?.rows ?? 0} rows, expected ${expected.rows}). ` +
          'Keep using the embedded database; the PostgreSQL database is incomplete.',
      );
  }
  let files = manifest.files.length;
  if (!options.uploadsTo) for await (const _key of options.storage.list()) files++;
  return {
    tables: before.size,
    rows: [...before.values()].reduce((sum, table) => sum + table.rows, 0),
    files,
    filesMoved: options.uploadsTo !== undefined,
  };
}
