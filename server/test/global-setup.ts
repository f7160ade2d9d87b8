import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { savePgliteTemplate } from '../db/pglite-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** On PostgreSQL: the migrated database every test file's database is copied from. */
    postgresTemplate: string;
  }
}

/**
 * Runs once before the suite, so no test file pays for the migrations. On PGlite, builds one migrated
 * database and dumps it to a file that every test file starts from (initialising PGlite costs seconds,
 * loading a dump under one). On PostgreSQL, migrates one template database that every test file copies
 * with CREATE DATABASE … TEMPLATE (a fraction of a second, where migrating took 2–3 s); the copies are
 * dropped here at the end, in one pass, rather than one by one while the tests run (each DROP DATABASE
 * waits for a checkpoint).
 */
export default async function setup(project: TestProject): Promise<undefined | (() => Promise<void>)> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    console.log(`API tests run on PostgreSQL (${serverUrl})`);
    const prefix = `copse_test_${process.pid}_`;
    const template = `${prefix}template`;
    await dropDatabases(serverUrl, `${prefix}%`);
    await withClient(serverUrl, (client) => client.query(`create database ${template}`));
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    // Two connections: the migrator keeps one while the singleton rows are written through another.
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      await dropDatabases(serverUrl, `${prefix}%`);
      throw error;
    }
    await database.close();
    project.provide('pgliteTemplate', '');
    project.provide('postgresTemplate', template);
    return () => dropDatabases(serverUrl, `${prefix}%`);
  }
  console.log('API tests run on PGlite in memory');
  // The dump `npm ci` made for these migrations, or made now and kept for the next run.
  project.provide('pgliteTemplate', await savePgliteTemplate());
  project.provide('postgresTemplate', '');
  return undefined;
}

async function withClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops every database whose name is like `pattern` (the template last, as copies may still be open). */
async function dropDatabases(serverUrl: string, pattern: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 order by datname like '%template' asc`,
      [pattern.replaceAll('_', '\\_')],
    );
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  });
}
