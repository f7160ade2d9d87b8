import { mkdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { Server } from 'node:net';
import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import { type App, buildApp } from './app.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock.ts';
import { prepareEmbeddedFolder } from './db/pglite-folder.ts';
import { findPgliteTemplate } from './db/pglite-template.ts';
import { backupDir, loadEnvOrExit } from './env.ts';
import { bossJobs, discardingJobs, startBoss, stopBoss } from './jobs/queue.ts';
import { startWorkers } from './jobs/worker.ts';
import { type OpenedStorage, openStorage } from './lib/open-storage.ts';
import { createMailer } from './services/mail/outbox.ts';

/** Process entry: configuration, database, migrations, app, workers, graceful shutdown. */
async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const dataDir = path.resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  let uploads: OpenedStorage;
  try {
    uploads = await openStorage(env.storage, path.join(dataDir, 'uploads'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }

  let releaseLock: (() => void) | undefined;
  if (!env.DATABASE_URL) {
    try {
      releaseLock = lockDataDir(dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        console.error(error.message);
        process.exit(1);
      }
      throw error;
    }
  }

  const pgliteDir = path.join(dataDir, 'pglite');
  // A new embedded data folder starts from the migrated dump `npm ci` made, when there is one; one whose
  // making a kill cut off is made anew.
  const folder = env.DATABASE_URL ? undefined : prepareEmbeddedFolder(pgliteDir);
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: pgliteDir,
    pgliteTemplate: folder?.fresh ? findPgliteTemplate() : undefined,
  });
  await database.migrate();
  folder?.made();
  const boss = env.WORKERS ? await startBoss(database) : undefined;
  const jobs = boss ? bossJobs(boss) : discardingJobs;
  const lifecycle = { shuttingDown: false };
  const app = await buildApp({
    env,
    database,
    jobs,
    storage: uploads.storage,
    lifecycle,
    logger: { level: env.LOG_LEVEL },
    serveWeb: true,
  });
  if (boss)
    await startWorkers(boss, database, jobs, createMailer(env.SMTP_URL, env.MAIL_FROM), {
      publicUrl: env.publicUrl,
      exports: { storage: uploads.storage, env },
      backups: {
        storage: uploads.storage,
        dir: backupDir(env),
        keep: env.BACKUP_KEEP,
        schedule: env.BACKUP_SCHEDULE,
        secrets: env,
      },
    });

  // The drain: stop accepting; answer every request already received (each response then closes its
  // connection); stop the job workers and wait for their queries and handlers; only then close the
  // database. 20 s: requests are answered in well under a second each, and jobs get what is left.
  const graceMs = 20_000;
  closeWithGrace({ delay: graceMs }, async ({ signal, err }) => {
    const deadline = Date.now() + graceMs - 2_000;
    lifecycle.shuttingDown = true;
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await stopAccepting(app, deadline);
    await app.close();
    if (boss) await stopBoss(boss, deadline);
    await database.close();
    uploads.close();
    releaseLock?.();
  });

  await app.listen({ port: env.PORT, host: env.HOST });
  countRequests(app);
  app.log.info(
    `Copse is running at ${env.publicUrl} (database: ${database.kind}; uploads: ${uploads.description})`,
  );
}

let requestsUnderWay = 0;
let lastConnectionAt = 0;

/**
 * Counts the HTTP requests read and not yet answered (a response's `close` ends it, even on error),
 * and notes when a connection was last taken up.
 */
function countRequests(app: App): void {
  app.server.on('connection', () => {
    lastConnectionAt = Date.now();
  });
  app.server.on('request', (_request, response: ServerResponse) => {
    requestsUnderWay++;
    response.once('close', () => requestsUnderWay--);
  });
}

/** Resolves once `quiet()` has held for `checks` checks in a row, 20 ms apart, or at the deadline. */
async function until(quiet: () => boolean, checks: number, deadline: number): Promise<void> {
  let quietChecks = 0;
  while (quietChecks < checks && Date.now() < deadline) {
    quietChecks = quiet() ? quietChecks + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Stops accepting without dropping what has already arrived, then waits until every request the
 * connections carry has been answered. A busy process lags behind: the
 * kernel has completed connections it has not taken up yet, which closing the listener would reset,
 * and has received requests it has not read yet, whose connections look idle, and which Node's
 * `server.close()` (in `app.close()`) would close. So: take up the waiting connections first (at most
 * a second), close the listener alone, and call `app.close()` once no request has been under way for
 * a few turns of the event loop (each turn reads what has arrived); by then idle means idle.
 */
async function stopAccepting(app: App, deadline: number): Promise<void> {
  await until(() => Date.now() - lastConnectionAt > 100, 3, Math.min(deadline, Date.now() + 1_000));
  Server.prototype.close.call(app.server);
  await until(() => requestsUnderWay === 0, 5, deadline);
}

await main();
