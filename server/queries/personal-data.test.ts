import { getTableColumns, getTableName } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../db/schema/index.ts';
import { excludedFromExport, exportedKinds } from './personal-data.ts';

describe('what "Download your data" covers', () => {
  it('exports or deliberately leaves out every user id column of every table', () => {
    const tables: PgTable[] = [];
    for (const value of Object.values(schema) as unknown[]) if (value instanceof PgTable) tables.push(value);
    const userColumns = tables.flatMap((table) => {
      const config = getTableConfig(table);
      return config.foreignKeys
        .map((key) => key.reference())
        .filter((reference) => getTableName(reference.foreignTable) === 'users')
        .flatMap((reference) => reference.columns.map((column) => `${config.name}.${column.name}`));
    });
    const exported = new Set(
      exportedKinds.flatMap((kind) =>
        kind.where ? [] : kind.by.map((column) => `${getTableName(kind.table)}.${column.name}`),
      ),
    );
    const neither = userColumns.filter((column) => !exported.has(column) && !(column in excludedFromExport));
    expect(neither).toEqual([]);
    // Every column a kind leaves out exists (a renamed column would otherwise be exported silently).
    for (const kind of exportedKinds) {
      const columns = Object.keys(getTableColumns(kind.table));
      for (const omitted of kind.omit ?? []) expect(columns, `${kind.kind}.${omitted}`).toContain(omitted);
    }
  });
});
