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
 * first use per database handle and shape from the query `build` makes (placeholders for its values).
 * `nameOf` gives each shape its statement name, which must be unique across Copse. Each pooled
 * connection keeps every named statement it ran, so past the first `maxNamed` shapes of a handle the
 * query runs unprepared (parsed and planned each time): no run of odd page sizes can fill the database
 * server's memory with plans.
 */
export function preparedByShape<Shape, Query extends { prepare(name: string): unknown }>(
  nameOf: (shape: Shape) => string,
  build: (db: Db, shape: Shape) => Query,
  maxNamed = 48,
): (db: Db, shape: Shape) => ReturnType<Query['prepare']> | Query {
  const prepared = new WeakMap<Db, Map<string, ReturnType<Query['prepare']>>>();
  return (db, shape) => {
    const name = nameOf(shape);
    let statements = prepared.get(db);
    if (!statements) {
      statements = new Map();
      prepared.set(db, statements);
    }
    let statement = statements.get(name);
    if (statement === undefined) {
      if (statements.size >= maxNamed) return build(db, shape);
      statement = build(db, shape).prepare(name) as ReturnType<Query['prepare']>;
      statements.set(name, statement);
    }
    return statement;
  };
}
