import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from '../server/db/backup/manifest.ts';
import { restoreBackup } from '../server/db/backup/restore-backup.ts';
import { loadEnvOrExit } from '../server/env.ts';
import { recordAudit } from '../server/queries/audit.ts';
import { ledgerFile, reapplyErasure } from '../server/services/erasure/reapply-erasure.ts';
import { LockedError, openInstallation } from './installation.ts';

/**
 * `npm run restore -- FILE [--force]`: restores a backup into this installation (DATABASE_URL, else
 * DATA_DIR), which must be empty unless --force. Copse must be stopped. Refusals (a damaged or cut-off
 * file, a backup from a newer Copse, an installation that is not empty) change nothing and exit 1.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, help: { type: 'boolean' } },
  });
  const [file] = positionals;
  if (values.help || !file || positionals.length > 1) {
    console.log('Usage: npm run restore -- copse-backup-….tar.gz [--force]');
    if (!values.help) process.exitCode = 2;
    return;
  }
  const env = loadEnvOrExit();
  const installation = await openInstallation(env, env.DATABASE_URL);
  try {
    console.log(`Checking ${path.resolve(file)}, then restoring it into ${installation.where}…`);
    const started = performance.now();
    const report = await restoreBackup({
      database: installation.database,
      storage: installation.storage,
      file: path.resolve(file),
      force: values.force,
      tmpDir: env.UPLOAD_TMP_DIR,
      secrets: env,
      ledgerFile: ledgerFile(env),
      reapplyErasure: (entry) => reapplyErasure(installation, entry),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { manifest } = report;
    // Into the restored log (whatever it held before is the backup's): who ran it is not known to Copse.
    await recordAudit(installation.database.db, {
      actorId: null,
      action: 'backup.restore',
      subjectType: 'backup',
      subjectId: path.basename(file),
      data: {
        backupCreatedAt: manifest.createdAt,
        copseVersion: manifest.copseVersion,
        migration: manifest.migration.tag,
        rows: report.rows,
        files: report.files,
        force: values.force,
      },
    });
    console.log(
      `Restored in ${seconds} s: the backup of ${manifest.createdAt} (Copse ${manifest.copseVersion}, migration ` +
        `${manifest.migration.tag}), ${manifest.tables.length} tables with ${report.rows} rows and ${report.files} files; ` +
        `every checksum matches; ${report.erasures} erasures made since were applied again. Start Copse as usual.`,
    );
  } finally {
    await installation.close();
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof LockedError) {
    console.error(`${error.message}\nA restore replaces the database, so Copse must be stopped first.`);
    process.exitCode = 1;
  } else if (error instanceof BackupError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
