import { getTableColumns, getTableName, type SQL, type SQLChunk, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';

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
