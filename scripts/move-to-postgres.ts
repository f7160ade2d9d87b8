import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from '../server/db/backup/manifest.ts';
import { moveToPostgres } from '../server/db/backup/move-to-postgres.ts';
import { backupFileName } from '../server/db/backup/retention.ts';
import { openDatabase } from '../server/db/client.ts';
import { backupDir, loadEnvOrExit } from '../server/env.ts';
import { createDiskStorage } from '../server/lib/storage.ts';
import { LockedError, openInstallation, redact } from './installation.ts';

/**
 * `npm run move-to-postgres -- --to postgres://…`: moves the installation in DATA_DIR (the embedded
 * database) into an empty PostgreSQL database, compares every table's checksum on both, and says what
 * to set next. The uploads stay in DATA_DIR/uploads unless --uploads-to names another folder.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { to: { type: 'string' }, 'uploads-to': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
    console.log(
      'Usage: npm run move-to-postgres -- --to postgres://user:password@host:5432/copse [--uploads-to FOLDER]',
    );
    if (!values.help) process.exitCode = 2;
    return;
  }
  const env = loadEnvOrExit();
  const source = await openInstallation(env, undefined);
  try {
    await source.database.migrate();
    const target = await openDatabase({ databaseUrl: values.to, poolSize: 2 });
    try {
      const backupFile = path.join(backupDir(env), `before-move-${backupFileName(new Date())}`);
      console.log(`Moving ${source.where} to ${redact(values.to)} (a backup is kept at ${backupFile})…`);
      const uploadsTo = values['uploads-to'] ? path.resolve(values['uploads-to']) : undefined;
      const report = await moveToPostgres({
        source: source.database,
        target,
        storage: source.storage,
        backupFile,
        uploadsTo: uploadsTo ? createDiskStorage(uploadsTo) : undefined,
        secrets: env,
      });
      console.log(
        [
          `Moved ${report.tables} tables with ${report.rows} rows; every table's checksum matches on both databases.`,
          report.filesMoved
            ? `${report.files} uploaded files copied to ${uploadsTo} and checked.`
            : `${report.files} uploaded files stay in ${path.resolve(env.DATA_DIR, 'uploads')}.`,
          '',
          'Next: stop Copse if it is running, then start it with',
          `  DATABASE_URL=${redact(values.to)}`,
          `  DATA_DIR=${path.resolve(env.DATA_DIR)}   (still holds the uploads and backups)`,
          'The embedded database in DATA_DIR/pglite is no longer used; keep it until you are satisfied.',
        ].join('\n'),
      );
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof LockedError) {
    console.error(
      `${error.message}\nThe move reads the embedded database whole, so Copse must be stopped first.`,
    );
    process.exitCode = 1;
  } else if (error instanceof BackupError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
