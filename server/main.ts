import { mkdirSync } from 'node:fs';
import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock.ts';
import { loadEnvOrExit } from './env.ts';
import { bossJobs, discardingJobs, startBoss } from './jobs/queue.ts';
import { startWorkers } from './jobs/worker.ts';
import { createMailer } from './services/mail/outbox.ts';
import { createDiskStorage } from './services/storage.ts';

/** Process entry: configuration, database, migrations, app, workers, graceful shutdown. */
async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const dataDir = path.resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

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

  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: path.join(dataDir, 'pglite'),
  });
  await database.migrate();
  const boss = env.WORKERS ? await startBoss(database) : undefined;
  const jobs = boss ? bossJobs(boss) : discardingJobs;
  const lifecycle = { shuttingDown: false };
  const app = await buildApp({
    env,
    database,
    jobs,
    storage: createDiskStorage(path.join(dataDir, 'uploads')),
    lifecycle,
    logger: { level: env.LOG_LEVEL },
    serveWeb: true,
  });
  if (boss)
    await startWorkers(boss, database, jobs, createMailer(env.SMTP_URL, env.MAIL_FROM), {
      publicUrl: env.publicUrl,
    });

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    lifecycle.shuttingDown = true;
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await boss?.stop({ graceful: true, timeout: 5_000 });
    await database.close();
    releaseLock?.();
  });

  await app.listen({ port: env.PORT, host: env.HOST });
  app.log.info(`Copse is running at ${env.publicUrl} (database: ${database.kind})`);
}

await main();
