import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './engine.js';

/**
 * A query built and compiled once per database handle, then run with new parameter values.
 * Building and compiling a Kysely query costs tens of microseconds, which is most of a simple
 * lookup made on every request (the session behind a cookie). `build` must use exactly the
 * parameters passed to the returned function, as placeholders, in the order the SQL has them:
 * keep such queries to one or two plain `where column = value` conditions.
 */
export function compiledOnce<Row, P extends readonly unknown[]>(build: (db: Db, ...placeholders: P) => Compilable<Row>, placeholders: P) {
  const compiled = new WeakMap<Db, CompiledQuery<Row>>();
  return async (db: Db, ...parameters: P): Promise<Row[]> => {
    let query = compiled.get(db);
    if (!query) {
      query = build(db, ...placeholders).compile();
      if (query.parameters.length !== parameters.length) throw new Error(`compiledOnce: the query has ${query.parameters.length} parameters, not ${parameters.length}`);
      compiled.set(db, query);
    }
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
