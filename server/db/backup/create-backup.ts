import { createHash } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { type SecretKeySource, secretKeyForBackup } from '../../lib/secret-box.ts';
import type { Storage } from '../../lib/storage.ts';
import type { Database } from '../client.ts';
import { writeArchive } from './archive.ts';
import { archivePaths, BackupError, type BackupManifest, backupFormat } from './manifest.ts';
import { appliedMigration } from './migrations.ts';
import { listSequences, listTables, RowChecksum, readTableLines, setPortableOutput } from './tables.ts';

/** A table's rows go into entries of about this many bytes, each held in memory only while written. */
const partBytes = 4 * 1024 * 1024;

export interface CreateBackupOptions {
  database: Database;
  storage: Storage;
  /** The backup file to write (written as `<file>.partial`, renamed when complete). */
  file: string;
  copseVersion: string;
  /** The installation's secret key (SECRET_KEY, else DATA_DIR/secret.key), carried as restore needs it. */
  secrets: SecretKeySource;
  /** False leaves the uploaded files out (the move to PostgreSQL keeps them where they are). */
  includeFiles?: boolean;
}

/**
 * Writes a backup: every table's rows, read in one repeatable-read transaction so they agree with each
 * other, then every uploaded file through Storage (either backend), then the manifest with the
 * migration the database is at and a checksum of each table and file. On PGlite the embedded database
 * has one session, so other requests wait while the rows are read (seconds for a campus's data).
 */
export async function createBackup(options: CreateBackupOptions): Promise<BackupManifest> {
  const { database, storage, file } = options;
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const archive = writeArchive(partial);
  try {
    const manifest = await database.db.transaction(
      async (tx) => {
        await setPortableOutput(tx);
        const migration = await appliedMigration(tx);
        if (!migration || migration.index < 0)
          throw new BackupError(
            'This database has no Copse migrations this version knows; nothing to back up.',
          );
        const tables: BackupManifest['tables'] = [];
        for (const table of await listTables(tx)) {
          const checksum = new RowChecksum();
          const whole = createHash('sha256');
          let parts = 0;
          let pending: string[] = [];
          let pendingBytes = 0;
          const flush = async () => {
            const bytes = Buffer.from(pending.join(''), 'utf8');
            whole.update(bytes);
            await archive.addBuffer(archivePaths.tablePart(table.name, parts++), bytes);
            pending = [];
            pendingBytes = 0;
          };
          for await (const batch of readTableLines(tx, table)) {
            for (const line of batch) {
              checksum.add(line);
              pending.push(`${line}\n`);
              pendingBytes += line.length + 1;
            }
            if (pendingBytes >= partBytes) await flush();
          }
          if (pending.length > 0) await flush();
          tables.push({
            name: table.name,
            rows: checksum.rows,
            checksum: checksum.value,
            sha256: whole.digest('hex'),
            parts,
          });
        }
        return {
          format: backupFormat,
          copseVersion: options.copseVersion,
          createdAt: new Date().toISOString(),
          database: database.kind,
          migration,
          tables,
          sequences: await listSequences(tx),
          uploads: options.includeFiles === false ? ('not-included' as const) : ('included' as const),
          files: [] as BackupManifest['files'],
          secretKey: secretKeyForBackup(options.secrets),
          jobs: 'not-included' as const,
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    for await (const key of options.includeFiles === false ? [] : storage.list()) {
      const stored = await storage.read(key);
      // Deleted since it was listed: the rows read above may still name it, as they would have then.
      if (!stored) continue;
      const sha256 = await archive.addStream(archivePaths.file(key), stored.size, stored.body);
      manifest.files.push({ key, size: stored.size, sha256 });
    }
    await archive.addBuffer(archivePaths.manifest, Buffer.from(JSON.stringify(manifest, null, 2)));
    await archive.finish();
    await rename(partial, file);
    return manifest;
  } catch (error) {
    await archive.abort(error instanceof Error ? error : new Error(String(error)));
    await rm(partial, { force: true });
    throw error;
  }
}
