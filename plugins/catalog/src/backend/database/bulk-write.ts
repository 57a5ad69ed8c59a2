import { sql } from '@atrium/kernel';
import { chunked, type SqlClient, type SqlFragment } from './sql-client.js';

/** PostgreSQL element type of each inserted column, for `unnest`. */
export type ColumnType = 'text' | 'bigint' | 'integer';

/** A table's columns and their types, as {@link insertRows} needs them. */
export interface TableShape {
  table: string;
  columns: readonly string[];
  types: readonly ColumnType[];
}

// Values per statement on SQLite: bounds the JSON text of one statement.
const SQLITE_VALUES_PER_STATEMENT = 30_000;
const PG_ROWS_PER_STATEMENT = 20_000;

const columnList = (shape: TableShape) => sql.join(shape.columns.map((column) => sql.ref(column)));

// `unnest($1::text[], $2::bigint[], ...)`: one array parameter per column.
function unnestArrays(shape: TableShape, chunk: readonly (readonly unknown[])[]): SqlFragment {
  return sql`unnest(${sql.join(
    shape.types.map((type, index) => sql`${chunk.map((row) => row[index] ?? null)}::${sql.raw(type)}[]`),
  )})`;
}

// SQLite's counterpart of unnest: the rows as one JSON array parameter, one column per
// element. A parameter per value would build (and compile) a Kysely node per value, five
// times slower than the write itself on large batches; SQLite parses the JSON in C.
function jsonRows(shape: TableShape, chunk: readonly (readonly unknown[])[]): SqlFragment {
  const columns = shape.columns.map((column, index) => sql`value->>${sql.lit(index)} AS ${sql.ref(column)}`);
  return sql`SELECT ${sql.join(columns)} FROM json_each(${JSON.stringify(chunk)})`;
}

function rowsPerStatement(shape: TableShape): number {
  return Math.max(1, Math.floor(SQLITE_VALUES_PER_STATEMENT / shape.columns.length));
}

/**
 * Inserts many rows with few statements: `json_each` of one JSON array on SQLite, `unnest`
 * of one array per column on PostgreSQL (a single round trip for thousands of rows).
 *
 * @example
 * await insertRows(tx, { table: 'refresh_keys', columns: ['entity_id', 'key'], types: ['bigint', 'text'] }, rows);
 */
export async function insertRows(
  db: SqlClient,
  shape: TableShape,
  rows: readonly (readonly unknown[])[],
  suffix: SqlFragment = sql``,
): Promise<void> {
  for (const query of insertStatements(db, shape, rows, suffix)) await db.run(query);
}

/** As {@link insertRows}; with a `RETURNING ...` suffix, returns the rows the database reports. */
export async function insertRowsReturning<T = unknown>(
  db: SqlClient,
  shape: TableShape,
  rows: readonly (readonly unknown[])[],
  suffix: SqlFragment,
): Promise<T[]> {
  const out: T[] = [];
  for (const query of insertStatements(db, shape, rows, suffix))
    out.push(...(await db.all(query as SqlFragment<T>)));
  return out;
}

function insertStatements(
  db: SqlClient,
  shape: TableShape,
  rows: readonly (readonly unknown[])[],
  suffix: SqlFragment,
): SqlFragment[] {
  const into = sql`INSERT INTO ${sql.table(shape.table)} (${columnList(shape)})`;
  if (db.dialect === 'postgres') {
    return chunked(rows, PG_ROWS_PER_STATEMENT).map(
      (chunk) => sql`${into} SELECT * FROM ${unnestArrays(shape, chunk)} ${suffix}`,
    );
  }
  // `WHERE true`: without it SQLite would read an ON CONFLICT suffix as a join's ON.
  return chunked(rows, rowsPerStatement(shape)).map(
    (chunk) => sql`${into} ${jsonRows(shape, chunk)} WHERE true ${suffix}`,
  );
}

/**
 * Updates many rows by key with one statement per chunk: `UPDATE ... FROM json_each(...)`
 * on SQLite, `UPDATE ... FROM unnest(...)` on PostgreSQL. `set` maps each column to an
 * expression over `v.<column>` (e.g. `failures = refresh_state.failures + 1`).
 *
 * @example
 * await updateRows(tx, { table: 'refresh_state', columns: ['id', 'errors'], types: ['bigint', 'text'] }, rows, {
 *   errors: sql`v.errors`,
 * });
 */
export async function updateRows(
  db: SqlClient,
  shape: TableShape,
  rows: readonly (readonly unknown[])[],
  set: Record<string, SqlFragment>,
): Promise<void> {
  if (rows.length === 0) return;
  const key = shape.columns[0] as string;
  const assignments = sql.join(
    Object.entries(set).map(([column, expression]) => sql`${sql.ref(column)} = ${expression}`),
  );
  const update = sql`UPDATE ${sql.table(shape.table)} SET ${assignments}`;
  const match = sql`${sql.ref(`${shape.table}.${key}`)} = ${sql.ref(`v.${key}`)}`;
  if (db.dialect === 'postgres') {
    for (const chunk of chunked(rows, PG_ROWS_PER_STATEMENT)) {
      await db.run(
        sql`${update} FROM ${unnestArrays(shape, chunk)} AS v(${columnList(shape)}) WHERE ${match}`,
      );
    }
    return;
  }
  for (const chunk of chunked(rows, rowsPerStatement(shape))) {
    await db.run(sql`${update} FROM (${jsonRows(shape, chunk)}) AS v WHERE ${match}`);
  }
}
