import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../server/db/backup/create-backup.ts';
import { BackupError } from '../server/db/backup/manifest.ts';
import { backUpInto, copseVersion } from '../server/db/backup/retention.ts';
import { backupDir, loadEnvOrExit } from '../server/env.ts';
import { formatBytes, LockedError, openInstallation } from './installation.ts';

/**
 * `npm run backup [-- --out FILE]`: one file with every table's rows, every uploaded file and a
 * manifest. Without --out it goes into BACKUP_DIR (DATA_DIR/backups) under the time, and the oldest
 * backups there beyond BACKUP_KEEP are deleted, as after a scheduled backup.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log('Usage: npm run backup [-- --out copse.tar.gz]');
    return;
  }
  const env = loadEnvOrExit();
  const installation = await openInstallation(env, env.DATABASE_URL);
  try {
    console.log(`Backing up ${installation.where} and its uploaded files…`);
    const started = performance.now();
    let file: string;
    let deleted: string[] = [];
    let tables: number;
    let files: number;
    if (values.out) {
      file = path.resolve(values.out);
      const manifest = await createBackup({
        database: installation.database,
        storage: installation.storage,
        file,
        copseVersion: await copseVersion(),
        secrets: env,
      });
      tables = manifest.tables.length;
      files = manifest.files.length;
    } else {
      const run = await backUpInto({
        ...installation,
        dir: backupDir(env),
        keep: env.BACKUP_KEEP,
        secrets: env,
      });
      ({ file, deleted } = run);
      tables = run.manifest.tables.length;
      files = run.manifest.files.length;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Backup written in ${seconds} s: ${file} (${formatBytes((await stat(file)).size)}, ${tables} tables, ${files} files).`,
    );
    if (deleted.length > 0)
      console.log(`Deleted older backups beyond BACKUP_KEEP=${env.BACKUP_KEEP}: ${deleted.join(', ')}`);
  } finally {
    await installation.close();
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof LockedError) {
    console.error(
      `${error.message}\nWhile Copse runs on the embedded database, back up from Admin → Backups ("Back up now") ` +
        'or let the scheduled backup run; or stop Copse and run npm run backup again.',
    );
    process.exitCode = 1;
  } else if (error instanceof BackupError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
