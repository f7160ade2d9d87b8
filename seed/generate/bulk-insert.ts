import { getTableColumns, getTableName, type SQL, type SQLChunk, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../server/db/client.ts';

/**
 * Inserts many rows in one statement: the rows travel as a single JSON parameter that
 * `jsonb_to_recordset` turns back into typed columns. Against a multi-row VALUES list of the same rows
 * this is about three times faster on PostgreSQL (one parameter to bind instead of ~17,000, and no
 * query text to build), and it runs unchanged on PGlite.
 *
 * Every row must have the same keys (the first row's keys pick the columns). Values must survive
 * `JSON.stringify`: strings, numbers, booleans, null, arrays and Dates (sent as ISO text); that covers
 * the seed tables, not bytea or bigint. Returns how many rows were inserted.
 */
export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter((key) => {
    const column = columns[key];
    return column !== undefined && !column.generated;
  });
  const names: SQLChunk[] = [];
  const definitions: SQL[] = [];
  const selections: SQLChunk[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column) continue;
    names.push(sql.identifier(column.name));
    // The recordset is keyed by the TypeScript property name, typed with the column's own SQL type.
    definitions.push(sql`${sql.identifier(key)} ${sql.raw(column.getSQLType())}`);
    selections.push(sql.identifier(key));
  }
  const conflict = options.onConflictDoNothing ? sql`on conflict do nothing` : sql``;
  const result = (await db.execute(sql`
    with inserted as (
      insert into ${sql.identifier(getTableName(table))} (${sql.join(names, sql`, `)})
      select ${sql.join(selections, sql`, `)}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.join(definitions, sql`, `)})
      ${conflict}
      returning 1
    )
    select count(*)::int as count from inserted`)) as unknown as { rows: { count: number }[] };
  return Number(result.rows[0]?.count ?? 0);
}

/**
 * `bulkInsert` in batches of `batchSize` rows, with up to `concurrency` batches in flight (2 uses both
 * cores of a small PostgreSQL server; keep 1 inside a transaction or on PGlite). Returns the rows inserted.
 */
export async function bulkInsertBatches<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
  options: { batchSize?: number; concurrency?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1_000;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const inFlight: Promise<number>[] = [];
  let inserted = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    while (inFlight.length >= concurrency) inserted += (await inFlight.shift()) ?? 0;
    const pending = bulkInsert(db, table, rows.slice(start, start + batchSize));
    // Awaited below; the handler only stops a failure from counting as unhandled while another is awaited.
    pending.catch(() => undefined);
    inFlight.push(pending);
  }
  for (const pending of inFlight.splice(0)) inserted += await pending;
  return inserted;
}
