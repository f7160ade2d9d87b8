import type { Db } from '../db/client.ts';

/**
 * A prepared statement per database handle, built on first use. Drizzle builds the SQL once; on
 * PostgreSQL the statement is also named, so each pooled connection parses and plans it only once.
 */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const prepared = new WeakMap<Db, T>();
  return (db) => {
    let statement = prepared.get(db);
    if (statement === undefined) {
      statement = build(db);
      prepared.set(db, statement);
    }
    return statement;
  };
}
