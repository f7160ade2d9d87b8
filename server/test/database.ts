import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';

/**
 * With TEST_DATABASE_URL set, creates a new empty database on that PostgreSQL server and answers its URL
 * and a function that drops it; without, answers undefined (tests use PGlite in memory).
 */
export async function createServerTestDatabase(): Promise<
  { url: string; drop: () => Promise<void> } | undefined
> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return undefined;
  const name = `copse_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      // The app's pool has closed, but its sockets may still be going away: wait for them rather than
      // terminating them (a terminated connection reports an error in the test process).
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await cleanup.query(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        if ((rows[0] as { n: number } | undefined)?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: PGlite in memory from the migrated dump, or on the
 * server a copy of the migrated template database (global-setup.ts), which is dropped with the other
 * copies when the run ends.
 */
export async function openTestDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const templateFile = inject('pgliteTemplate');
    const database = await openDatabase({ dataDir: 'memory://', pgliteTemplate: templateFile || undefined });
    await database.migrate();
    return { database, dispose: () => database.close() };
  }
  const template = inject('postgresTemplate');
  const name = `${template.replace(/template$/, '')}${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await database.migrate();
  return { database, dispose: () => database.close() };
}
