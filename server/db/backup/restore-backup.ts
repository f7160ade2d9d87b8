import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  installSecretKeyFile,
  type SecretKeySource,
  secretKey,
  secretKeyCheck,
} from '../../lib/secret-box.ts';
import type { Storage } from '../../lib/storage.ts';
import type { Database } from '../client.ts';
import { type ArchiveEntry, hashStream, readArchive } from './archive.ts';
import { type ErasureEntry, readLedger, readLedgerFile, restoreLedger } from './erasure-ledger.ts';
import { archivePaths, BackupError, type BackupManifest, backupFormat, backupManifest } from './manifest.ts';
import { appliedMigration, knownMigrations, migrateUpTo } from './migrations.ts';
import {
  addForeignKeys,
  checksumTables,
  dropCopseSchemas,
  dropForeignKeys,
  dropJobSchema,
  emptyTables,
  hasAccounts,
  insertTableLines,
  listTables,
  restoreSequences,
  setPortableOutput,
  skipForeignKeyChecks,
} from './tables.ts';

/** Rows go into the database in statements of about this many bytes of JSON. */
const insertBytes = 1024 * 1024;

function tableOfEntry(name: string): string | undefined {
  if (!name.startsWith(archivePaths.tablePrefix)) return undefined;
  return name.slice(archivePaths.tablePrefix.length).split('/')[0];
}

function keyOfEntry(name: string): string | undefined {
  return name.startsWith(archivePaths.filePrefix) ? name.slice(archivePaths.filePrefix.length) : undefined;
}

async function readAll(body: ArchiveEntry['body']): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Reads the whole backup once and checks it before anything is touched: every table part and file
 * against the manifest's SHA-256, nothing missing and nothing extra, a format and a migration this Copse
 * knows. Answers the manifest; throws a BackupError saying what is wrong.
 */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  const tables = new Map<string, { hash: ReturnType<typeof createHash>; parts: number }>();
  const files = new Map<string, { sha256: string; size: number }>();
  let manifestText: string | undefined;
  try {
    await readArchive(file, async (entry) => {
      const table = tableOfEntry(entry.name);
      const key = keyOfEntry(entry.name);
      if (entry.name === archivePaths.manifest) {
        manifestText = (await readAll(entry.body)).toString('utf8');
      } else if (table !== undefined) {
        const seen = tables.get(table) ?? { hash: createHash('sha256'), parts: 0 };
        for await (const chunk of entry.body) seen.hash.update(chunk as Buffer);
        seen.parts++;
        tables.set(table, seen);
      } else if (key !== undefined) {
        files.set(key, await hashStream(entry.body));
      }
    });
  } catch (error) {
    throw new BackupError(
      `The backup ${file} is damaged or incomplete (${error instanceof Error ? error.message : String(error)}). ` +
        'Nothing was changed. Restore from another backup.',
    );
  }
  if (manifestText === undefined)
    throw new BackupError(
      `The backup ${file} is incomplete: it has no manifest (the file was cut short, or is not a Copse backup). Nothing was changed.`,
    );
  let manifest: BackupManifest;
  try {
    manifest = backupManifest.parse(JSON.parse(manifestText));
  } catch {
    throw new BackupError(`The backup ${file} has a manifest this Copse cannot read. Nothing was changed.`);
  }
  if (manifest.format > backupFormat)
    throw new BackupError(
      `The backup ${file} was written by a newer Copse (${manifest.copseVersion}, backup format ${manifest.format}). ` +
        'Upgrade Copse to that version or later, then restore. Nothing was changed.',
    );
  if (!(await knownMigrations()).some((entry) => entry.when === manifest.migration.when))
    throw new BackupError(
      `The backup ${file} comes from a newer Copse (${manifest.copseVersion}): its database is at migration ` +
        `${manifest.migration.tag}, which this Copse does not know. Upgrade Copse to that version or later, then restore. Nothing was changed.`,
    );
  const damaged = (what: string) =>
    new BackupError(
      `The backup ${file} is damaged: ${what} does not match its checksum. Nothing was changed. Restore from another backup.`,
    );
  for (const table of manifest.tables) {
    const seen = tables.get(table.name);
    const sha256 = seen ? seen.hash.digest('hex') : createHash('sha256').digest('hex');
    if ((seen?.parts ?? 0) !== table.parts || sha256 !== table.sha256) throw damaged(`table ${table.name}`);
    tables.delete(table.name);
  }
  const [extraTable] = tables.keys();
  if (extraTable !== undefined) throw damaged(`table ${extraTable} (not in the manifest)`);
  for (const expected of manifest.files) {
    const seen = files.get(expected.key);
    if (!seen || seen.sha256 !== expected.sha256 || seen.size !== expected.size)
      throw damaged(`file ${expected.key}`);
    files.delete(expected.key);
  }
  const [extraFile] = files.keys();
  if (extraFile !== undefined) throw damaged(`file ${extraFile} (not in the manifest)`);
  return manifest;
}

export interface RestoreOptions {
  database: Database;
  storage: Storage;
  file: string;
  /** Replace an installation that is not empty (its accounts, rows and files are lost). */
  force?: boolean;
  /** This installation's secret key: it must be the backup's, or (DATA_DIR/secret.key) becomes it. */
  secrets: SecretKeySource;
  /** Where files are received before Storage takes them (DATA_DIR/tmp by default for the CLI). */
  tmpDir?: string;
  /**
   * The erasure ledger (#19): the live ledger is read before the tables are replaced, merged with this
   * file's entries (the copy next to the backups, for a fresh machine), written back after the restore,
   * and every erasure the restored rows do not show yet is applied again through `reapplyErasure`.
   */
  ledgerFile?: string;
  reapplyErasure?: (entry: ErasureEntry) => Promise<void>;
}

export interface RestoreReport {
  manifest: BackupManifest;
  rows: number;
  files: number;
  /** Erasures applied again to the restored rows. */
  erasures: number;
}

/** Whether the installation has an account or (when `storage` is given) an uploaded file. */
export async function installationIsEmpty(database: Database, storage?: Storage): Promise<boolean> {
  if (await hasAccounts(database.db)) return false;
  if (storage) for await (const _key of storage.list()) return false;
  return true;
}

/**
 * Restores a backup into an empty installation (or, with `force`, over one): checks the whole file
 * first (verifyBackup), puts the database at the backup's migration, loads every table in one
 * transaction (foreign keys dropped meanwhile and added back, which checks every reference), sets the
 * sequences, checks every table's checksum before committing, puts every file back through Storage,
 * then applies this Copse's newer migrations and reads every file back to check it.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const { database, storage, file } = options;
  const manifest = await verifyBackup(file);
  refuseOtherSecretKey(manifest, options.secrets);
  // A backup without the uploads (the move to PostgreSQL) leaves Storage as it is, files and all.
  const withFiles = manifest.uploads === 'included';
  if (!options.force && !(await installationIsEmpty(database, withFiles ? storage : undefined)))
    throw new BackupError(
      'This installation is not empty: it has accounts or uploaded files. Restore into an empty installation ' +
        '(a new DATA_DIR, or an empty PostgreSQL database), or add --force to replace everything in this one.',
    );
  if (options.force && withFiles) {
    const keep = new Set(manifest.files.map((entry) => entry.key));
    const stale: string[] = [];
    for await (const key of storage.list()) if (!keep.has(key)) stale.push(key);
    for (const key of stale) await storage.delete(key);
  }
  // The job queue's schema goes (the server makes it again on start). The app's tables are made at the
  // backup's migration: on a database never migrated (a new PostgreSQL database) by migrating up to it,
  // on one at another migration after dropping Copse's schemas; one at it already is only emptied below.
  const ledger = new Map<string, ErasureEntry>();
  for (const entry of [
    ...(options.ledgerFile ? await readLedgerFile(options.ledgerFile) : []),
    ...(await readLedger(database.db)),
  ])
    ledger.set(entry.userId, entry);
  await dropJobSchema(database.db);
  const applied = await appliedMigration(database.db);
  if (applied?.when !== manifest.migration.when) {
    if (applied) await dropCopseSchemas(database.db);
    await migrateUpTo(database, manifest.migration);
  }

  const received = await mkdtemp(path.join(options.tmpDir ?? tmpdir(), 'copse-restore-'));
  let rows = 0;
  try {
    await mkdir(received, { recursive: true });
    await database.db.transaction(async (tx) => {
      await setPortableOutput(tx);
      const tables = await listTables(tx);
      const byName = new Map(tables.map((table) => [table.name, table]));
      for (const expected of manifest.tables) {
        if (!byName.has(expected.name))
          throw new BackupError(`The backup has a table ${expected.name} that its migration does not make.`);
      }
      // Rows load in any order (a reply before the post it answers): without the checks where the role
      // may, else without the foreign keys, added back afterwards (which checks every reference).
      const foreignKeys = (await skipForeignKeyChecks(tx)) ? [] : await dropForeignKeys(tx);
      await emptyTables(tx, tables);
      let receivedFiles = 0;
      await readArchive(file, async (entry) => {
        const tableName = tableOfEntry(entry.name);
        const key = keyOfEntry(entry.name);
        const table = tableName === undefined ? undefined : byName.get(tableName);
        if (table) {
          const lines = (await readAll(entry.body)).toString('utf8').split('\n');
          let batch: string[] = [];
          let batchBytes = 0;
          for (const line of lines) {
            if (line === '') continue;
            batch.push(line);
            batchBytes += line.length;
            rows++;
            if (batchBytes >= insertBytes) {
              await insertTableLines(tx, table, batch);
              batch = [];
              batchBytes = 0;
            }
          }
          await insertTableLines(tx, table, batch);
        } else if (key !== undefined) {
          const temporary = path.join(received, String(receivedFiles++));
          await pipeline(entry.body, createWriteStream(temporary));
          await storage.putFile(key, temporary);
        }
      });
      await addForeignKeys(tx, foreignKeys);
      await restoreSequences(tx, manifest.sequences);
      const checksums = await checksumTables(tx);
      for (const expected of manifest.tables) {
        const actual = checksums.get(expected.name);
        if (actual?.checksum !== expected.checksum || actual.rows !== expected.rows)
          throw new BackupError(
            `Table ${expected.name} did not restore as it was backed up (${actual?.rows ?? 0} rows, expected ${expected.rows}); ` +
              'none of the rows were kept. Files already put back stay, so run the restore again with --force.',
          );
      }
    });
  } finally {
    await rm(received, { recursive: true, force: true });
  }
  if (manifest.secretKey?.file && !options.secrets.SECRET_KEY)
    installSecretKeyFile(options.secrets, manifest.secretKey.file);
  // The backup's rows are in at its own version; this Copse's newer migrations bring them forward.
  await database.migrate();
  for (const expected of manifest.files) {
    const stored = await storage.read(expected.key);
    const seen = stored ? await hashStream(stored.body) : undefined;
    if (seen?.sha256 !== expected.sha256)
      throw new BackupError(
        `The file ${expected.key} did not restore as it was backed up; run the restore again.`,
      );
  }
  // A backup made before an erasure never brings the person back.
  const pending = await restoreLedger(database.db, [...ledger.values()]);
  for (const entry of pending) await options.reapplyErasure?.(entry);
  return { manifest, rows, files: manifest.files.length, erasures: pending.length };
}

/**
 * The backup's sealed secrets (two-factor, identity providers' client secrets) open only with the key
 * they were sealed with. A backup that carries its key file brings it along (unless SECRET_KEY is set
 * here, which must then be the same key); one made with SECRET_KEY needs the same SECRET_KEY here.
 */
function refuseOtherSecretKey(manifest: BackupManifest, secrets: SecretKeySource): void {
  const expected = manifest.secretKey;
  if (!expected) return;
  if (expected.file && !secrets.SECRET_KEY) return;
  if (!secrets.SECRET_KEY)
    throw new BackupError(
      'The backup was made with SECRET_KEY set, and its two-factor and sign-on secrets open only with that key. ' +
        'Set SECRET_KEY to the value the backed-up installation used, then restore. Nothing was changed.',
    );
  if (secretKeyCheck(secretKey(secrets)) !== expected.check)
    throw new BackupError(
      "SECRET_KEY here is not the key the backup's two-factor and sign-on secrets were sealed with. " +
        (expected.file
          ? "Unset SECRET_KEY to use the key the backup carries, or set it to the backed-up installation's value, then restore."
          : 'Set SECRET_KEY to the value the backed-up installation used, then restore.') +
        ' Nothing was changed.',
    );
}
