import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Db } from '../client.ts';

/**
 * The database side of a backup: every table of the `public` schema, its rows as JSON lines (one
 * `row_to_json` per row, PostgreSQL writing and reading every type itself, so the same text loads on
 * PGlite and on a PostgreSQL server), and a checksum of its rows that does not depend on their order.
 * Generated columns (the search vectors) are left out: PostgreSQL computes them again on load.
 */

export interface TableInfo {
  name: string;
  /** Stored columns, in table order (generated ones left out). */
  columns: string[];
}

export interface SequenceValue {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows))
    return result.rows as T[];
  return [];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const ident = (name: string) => sql.raw(quote(name));

/**
 * Session settings under which every backup writes and every restore checks the same text for the same
 * row: timestamps in UTC, intervals and bytes in one style. Local to the transaction.
 */
export async function setPortableOutput(db: Db): Promise<void> {
  await db.execute(sql`select set_config('timezone', 'UTC', true), set_config('intervalstyle', 'postgres', true),
    set_config('bytea_output', 'hex', true), set_config('extra_float_digits', '1', true)`);
}

/** Every table of the app (schema `public`) with its stored columns, by name. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const found = await rows<{ name: string; columns: string[] }>(
    db,
    sql`select c.relname as name,
        array_agg(a.attname::text order by a.attnum) as columns
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      group by c.relname
      order by c.relname collate "C"`,
  );
  return found.map((table) => ({ name: table.name, columns: table.columns }));
}

/** The sequences of schema `public` and where they stand (none today: the keys are UUIDs). */
export async function listSequences(db: Db): Promise<SequenceValue[]> {
  const names = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by c.relname collate "C"`,
  );
  const values: SequenceValue[] = [];
  for (const { name } of names) {
    const [value] = await rows<{ lastValue: string; isCalled: boolean }>(
      db,
      sql`select last_value::text as "lastValue", is_called as "isCalled" from public.${ident(name)}`,
    );
    if (value) values.push({ name, ...value });
  }
  return values;
}

export async function restoreSequences(db: Db, sequences: SequenceValue[]): Promise<void> {
  for (const sequence of sequences) {
    await db.execute(
      sql`select setval(${`public.${quote(sequence.name)}`}::regclass, ${sequence.lastValue}::bigint, ${sequence.isCalled})`,
    );
  }
}

/**
 * The table's rows as JSON lines, in batches of `batchSize` through a cursor: a big table is never
 * whole in memory. Must run inside a transaction (the cursor lives in it).
 */
export async function* readTableLines(db: Db, table: TableInfo, batchSize = 1000): AsyncGenerator<string[]> {
  await db.execute(sql`declare copse_backup_rows no scroll cursor for ${rowLine(table)}`);
  try {
    for (;;) {
      const batch = await rows<{ line: string }>(db, sql.raw(`fetch ${batchSize} from copse_backup_rows`));
      if (batch.length === 0) break;
      yield batch.map((row) => row.line);
    }
  } finally {
    await db.execute(sql`close copse_backup_rows`);
  }
}

/**
 * An order-independent checksum of a table's rows: the sum of each row line's SHA-256, taken as its
 * first 120 bits, written as a decimal number. The same rows give the same sum whatever order a scan
 * returns them in, on either database, and PostgreSQL computes it too (`checksumTables`), so a restore
 * checks its tables in one statement without sending their rows back.
 */
export class RowChecksum {
  #sum = 0n;
  #rows = 0;

  add(line: string): void {
    this.#sum += BigInt(`0x${createHash('sha256').update(line).digest('hex').slice(0, 30)}`);
    this.#rows++;
  }

  get rows(): number {
    return this.#rows;
  }

  get value(): string {
    return this.#sum.toString();
  }
}

const rowLine = (table: TableInfo) =>
  sql`select row_to_json(r)::text as line from public.${ident(table.name)} t0 cross join lateral (select ${sql.join(
    table.columns.map((column) => sql`t0.${ident(column)}`),
    sql`, `,
  )}) r`;

/**
 * Every table's row count and checksum as RowChecksum computes them, by PostgreSQL in one statement
 * (inside a transaction, after `setPortableOutput`).
 */
export async function checksumTables(db: Db): Promise<Map<string, { rows: number; checksum: string }>> {
  const tables = await listTables(db);
  const result = new Map<string, { rows: number; checksum: string }>();
  if (tables.length === 0) return result;
  const parts = tables.map(
    (table) => sql`select ${table.name}::text as name, count(*)::int as rows,
      coalesce(sum(('x' || substr(h, 1, 15))::bit(60)::bigint::numeric * 1152921504606846976
        + ('x' || substr(h, 16, 15))::bit(60)::bigint::numeric), 0)::text as checksum
      from (select encode(sha256(convert_to(line, 'UTF8')), 'hex') as h from (${rowLine(table)}) l) x`,
  );
  for (const row of await rows<{ name: string; rows: number; checksum: string }>(
    db,
    sql.join(parts, sql` union all `),
  )) {
    result.set(row.name, { rows: row.rows, checksum: row.checksum });
  }
  return result;
}

/** Inserts JSON row lines into a table, as PostgreSQL reads them back from `row_to_json`. */
export async function insertTableLines(db: Db, table: TableInfo, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const columns = sql.join(
    table.columns.map((column) => ident(column)),
    sql`, `,
  );
  await db.execute(
    sql`insert into public.${ident(table.name)} (${columns}) overriding system value
      select ${columns} from json_populate_recordset(null::public.${ident(table.name)}, ${`[${lines.join(',')}]`}::json)`,
  );
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/**
 * Drops every foreign key of schema `public` and answers them, to be added again after the load: rows
 * then load in any order (a reply before the post it answers) without a superuser's
 * `session_replication_role`, and adding them back checks every reference.
 */
export async function dropForeignKeys(db: Db): Promise<ForeignKey[]> {
  const keys = await rows<ForeignKey>(
    db,
    sql`select c.relname as "table", k.conname as name, pg_get_constraintdef(k.oid) as definition
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' order by c.relname, k.conname`,
  );
  for (const key of keys) {
    await db.execute(sql`alter table public.${ident(key.table)} drop constraint ${ident(key.name)}`);
  }
  return keys;
}

export async function addForeignKeys(db: Db, keys: ForeignKey[]): Promise<void> {
  for (const key of keys) {
    await db.execute(
      sql`alter table public.${ident(key.table)} add constraint ${ident(key.name)} ${sql.raw(key.definition)}`,
    );
  }
}

/**
 * Empties every table of the app (what the migrations wrote, e.g. the institution's settings row) in one
 * round trip. DELETE rather than TRUNCATE: on a new installation the tables are nearly all empty, and
 * TRUNCATE replaces each table's files (about a second for fifty tables on PostgreSQL).
 */
export async function emptyTables(db: Db, tables: TableInfo[]): Promise<void> {
  if (tables.length === 0) return;
  await db.execute(sql.raw(tables.map((table) => `delete from public.${quote(table.name)}`).join(';\n')));
}

/**
 * Turns off foreign-key checks and triggers for the rest of the transaction, where the role may
 * (a superuser: PGlite always, PostgreSQL's `postgres`); answers whether it could. Otherwise the
 * restore drops the foreign keys and adds them back (`dropForeignKeys`).
 */
export async function skipForeignKeyChecks(db: Db): Promise<boolean> {
  const [row] = await rows<{ superuser: boolean }>(
    db,
    sql`select rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  if (!row?.superuser) return false;
  await db.execute(sql`select set_config('session_replication_role', 'replica', true)`);
  return true;
}

/**
 * Whether the installation has an account: a fresh one has none until its first sign-up, and every
 * community, post or file belongs to someone. A database without Copse's tables has none.
 */
export async function hasAccounts(db: Db): Promise<boolean> {
  // Two statements: a table that does not exist fails the query naming it even in an unused branch.
  const [table] = await rows<{ found: boolean }>(
    db,
    sql`select to_regclass('public.users') is not null as found`,
  );
  if (!table?.found) return false;
  const [row] = await rows<{ found: boolean }>(db, sql`select exists (select 1 from public.users) as found`);
  return row?.found ?? false;
}

/**
 * Removes every schema Copse made (the app's tables, the migrations' record, the job queue) so the
 * migrations start from nothing. Only for an empty installation, or one the operator chose to replace.
 */
export async function dropCopseSchemas(db: Db): Promise<void> {
  await dropJobSchema(db);
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`drop schema if exists public cascade`);
  await db.execute(sql`create schema public`);
}

/** Every table's rows and checksum, read in one consistent snapshot (for checks and tests). */
export async function checksumDatabase(
  database: Database,
): Promise<Map<string, { rows: number; checksum: string }>> {
  return database.db.transaction(
    async (tx) => {
      await setPortableOutput(tx);
      return checksumTables(tx);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Removes pg-boss's schema (queued jobs, schedules): a restored server starts its queue afresh. */
export async function dropJobSchema(db: Db): Promise<void> {
  await db.execute(sql`drop schema if exists pgboss cascade`);
}
