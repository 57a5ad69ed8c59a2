import { AtriumError } from '@atrium/errors';
import type { CompiledQuery, Kysely, RawBuilder } from 'kysely';
import { kernelErrorCodes } from '../../kernel-error-codes.js';

/** A query compiled once; each call binds new values to it. */
export type PreparedQuery<A extends unknown[], T> = (...values: A) => CompiledQuery<T>;

/** Stands in for the n-th value while the query is compiled once. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * Compiles a query once and returns a function that binds new values to that compiled
 * SQL. For hot reads whose SQL text never changes: building and compiling a `sql`
 * template costs 2-8 µs and allocates a node tree per call, which a one-row indexed
 * read on SQLite (~25 µs) cannot hide. `build` receives stand-ins for its values, so it
 * may only bind them (`${value}`), not compute with them; its arity is the number of
 * values (no default or rest parameters). Run the result on any connection of the same
 * dialect as `db`, e.g. `reader.executeQuery(byRef(ref))`.
 *
 * @example
 * const byRef = prepareQuery(reader, (ref: string) => sql<{ json: string }>`SELECT json FROM entities WHERE ref = ${ref}`);
 * const { rows } = await reader.executeQuery(byRef('component:default/a'));
 */
export function prepareQuery<A extends unknown[], T>(
  // biome-ignore lint/suspicious/noExplicitAny: any table types; the query is raw SQL.
  db: Kysely<any>,
  build: (...values: A) => RawBuilder<T>,
): PreparedQuery<A, T> {
  const slots = Array.from({ length: build.length }, (_, index) => new Slot(index));
  const compiled = build(...(slots as unknown as A)).compile(db);
  const bound = new Set<number>();
  // For each compiled parameter: the index of the value it takes, or -1 for a constant.
  const sources = compiled.parameters.map((parameter) => {
    if (!(parameter instanceof Slot)) return -1;
    bound.add(parameter.index);
    return parameter.index;
  });
  const unbound = slots.filter((slot) => !bound.has(slot.index)).map((slot) => slot.index + 1);
  if (unbound.length > 0) {
    throw new AtriumError(
      kernelErrorCodes.DATABASE_QUERY_INVALID,
      `prepareQuery: value ${unbound.join(', ')} of "${compiled.sql.slice(0, 120)}" is not bound as a parameter; bind each value directly (\${value}), or build the query per call`,
    );
  }
  const constants = compiled.parameters;
  return (...values) => ({
    query: compiled.query,
    queryId: compiled.queryId,
    sql: compiled.sql,
    parameters: sources.map((source, i) => (source < 0 ? constants[i] : values[source])),
  });
}
