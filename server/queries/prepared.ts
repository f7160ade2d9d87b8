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

/**
 * Named prepared statements of several shapes (who asks, a cursor or not, the page size…), built on
 * first use per database handle and shape. `nameOf` gives each shape its statement name, which must be
 * unique across Copse; shapes must be few (each pooled connection keeps every statement it ran).
 */
export function preparedByShape<Shape, T>(
  nameOf: (shape: Shape) => string,
  build: (db: Db, shape: Shape, name: string) => T,
): (db: Db, shape: Shape) => T {
  const prepared = new WeakMap<Db, Map<string, T>>();
  return (db, shape) => {
    const name = nameOf(shape);
    let statements = prepared.get(db);
    if (!statements) {
      statements = new Map();
      prepared.set(db, statements);
    }
    let statement = statements.get(name);
    if (statement === undefined) {
      statement = build(db, shape, name);
      statements.set(name, statement);
    }
    return statement;
  };
}
