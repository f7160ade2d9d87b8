import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase, openOnPgliteThread } from '../db/client.ts';
import { type PgliteThread, startPgliteThread } from '../db/pglite-thread.ts';

/**
 * With TEST_DATABASE_URL set, creates a new empty database on that PostgreSQL server (or, `migrated`, a
 * copy of the migrated template, which a starting process does not have to migrate) and answers its URL
 * and a function that drops it; without, answers undefined (tests use PGlite in memory).
 */
export async function createServerTestDatabase(
  options: { migrated?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return undefined;
  const name = `copse_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    `create database ${name}${options.migrated ? ` template ${inject('postgresTemplate')}` : ''}`,
  );
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
 * A fresh, migrated database for one test file: on PGlite, a PGlite thread started from the migrated dump
 * (or one a previous file of this process used, reset to that dump's state: see resetToTemplate), or on
 * the server a copy of the migrated template database (global-setup.ts), which is dropped with the other
 * copies when the run ends.
 */
export async function openTestDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openPgliteTestDatabase();
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

/** PGlite threads a finished test file gave back, for the next file of this process (files run in turn). */
const idleThreads: PgliteThread[] = [];

async function openPgliteTestDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const reused = idleThreads.pop();
  const thread =
    reused ??
    (await startPgliteThread({ dataDir: 'memory://', templateFile: inject('pgliteTemplate') || undefined }));
  const database = openOnPgliteThread(thread);
  if (reused) await database.raw.executeSql(resetToTemplate, []);
  else await database.raw.executeSql(keepTemplateRows, []);
  await database.migrate();
  return {
    database,
    async dispose() {
      await database.close();
      idleThreads.push(thread);
    },
  };
}

/**
 * Run once on a thread fresh from the dump: copies the rows the migrations wrote (the charter template,
 * the institution's settings row) to a schema of their own, for resetToTemplate.
 */
const keepTemplateRows = `
do $$
declare
  t record;
  has_rows boolean;
begin
  create schema copse_test_template;
  for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r' loop
    execute format('select exists (select 1 from public.%I)', t.relname) into has_rows;
    if has_rows then
      execute format('create table copse_test_template.%I as select * from public.%I', t.relname, t.relname);
    end if;
  end loop;
end $$`;

/**
 * Puts a used thread's database back as the dump had it, in one statement: schemas made since (pg-boss's)
 * are dropped, every table of the app is emptied (identities restart), the migrations' rows come back,
 * and advisory locks are let go. The previous file's connections have ended, so no transaction of theirs
 * is open. The migrations' own table (schema drizzle) is kept as it was.
 */
const resetToTemplate = `
do $$
declare
  r record;
  cols text;
begin
  for r in select nspname from pg_namespace
           where nspname not in ('public', 'drizzle', 'copse_test_template', 'information_schema')
             and nspname not like 'pg_%' loop
    execute format('drop schema %I cascade', r.nspname);
  end loop;
  execute (
    select 'truncate ' || string_agg(format('public.%I', c.relname), ', ') || ' restart identity cascade'
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
  );
  for r in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'copse_test_template' and c.relkind = 'r' loop
    select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into cols
    from pg_attribute a
    where a.attrelid = format('public.%I', r.relname)::regclass
      and a.attnum > 0 and not a.attisdropped and a.attgenerated = '';
    execute format('insert into public.%I (%s) select %s from copse_test_template.%I', r.relname, cols, cols, r.relname);
  end loop;
  perform pg_advisory_unlock_all();
end $$`;
