import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Database, openDatabase } from '../server/db/client.ts';
import { DataDirLockedError, lockDataDir } from '../server/db/data-dir-lock.ts';
import { findPgliteTemplate } from '../server/db/pglite-template.ts';
import type { Env } from '../server/env.ts';
import { openStorage } from '../server/lib/open-storage.ts';
import type { Storage } from '../server/lib/storage.ts';

/**
 * An installation as the command-line tools (backup, restore, move-to-postgres) open it, the way
 * `npm start` does: PostgreSQL when a URL is given, else the embedded database in DATA_DIR (locked: a
 * running Copse must be stopped first), and the uploads' Storage.
 */
export interface Installation {
  database: Database;
  storage: Storage;
  /** Where its database is, for messages. */
  where: string;
  close(): Promise<void>;
}

export class LockedError extends Error {}

export async function openInstallation(env: Env, databaseUrl: string | undefined): Promise<Installation> {
  const dataDir = path.resolve(env.DATA_DIR);
  let releaseLock: (() => void) | undefined;
  if (!databaseUrl) {
    mkdirSync(dataDir, { recursive: true });
    try {
      releaseLock = lockDataDir(dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) throw new LockedError(error.message);
      throw error;
    }
  }
  try {
    const pgliteDir = path.join(dataDir, 'pglite');
    const fresh = !databaseUrl && !existsSync(path.join(pgliteDir, 'PG_VERSION'));
    const database = await openDatabase({
      databaseUrl,
      dataDir: pgliteDir,
      pgliteTemplate: fresh ? findPgliteTemplate() : undefined,
      poolSize: 2,
    });
    // The uploads where `npm start` keeps them: DATA_DIR/uploads, or the S3 bucket STORAGE=s3 names.
    let uploads: Awaited<ReturnType<typeof openStorage>>;
    try {
      uploads = await openStorage(env.storage, path.join(dataDir, 'uploads'));
    } catch (error) {
      await database.close();
      throw error;
    }
    return {
      database,
      storage: uploads.storage,
      where: databaseUrl
        ? `the PostgreSQL database ${redact(databaseUrl)}`
        : `the embedded database in ${dataDir}`,
      async close() {
        uploads.close();
        await database.close();
        releaseLock?.();
      },
    };
  } catch (error) {
    releaseLock?.();
    throw error;
  }
}

/** A database URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
