import { chunked, type SqlClient } from './sql-client.js';

/** PostgreSQL element type of each inserted column, for `unnest`. */
export type ColumnType = 'text' | 'bigint' | 'integer';

/** A table's columns and their types, as {@link insertRows} needs them. */
export interface TableShape {
  table: string;
  columns: readonly string[];
  types: readonly ColumnType[];
}

// SQLite accepts 32766 bound variables per statement; stay well under it.
const SQLITE_MAX_VARIABLES = 30_000;
const PG_ROWS_PER_STATEMENT = 20_000;

/**
 * Inserts many rows with few statements: multi-row VALUES on SQLite, `unnest` of one
 * array per column on PostgreSQL (a single round trip for thousands of rows).
 *
 * @example
 * await insertRows(tx, { table: 'refresh_keys', columns: ['entity_id', 'key'], types: ['bigint', 'text'] }, rows);
 */
export async function insertRows(
  sql: SqlClient,
  shape: TableShape,
  rows: readonly (readonly unknown[])[],
  suffix = '',
): Promise<void> {
  await insertRowsReturning(sql, shape, rows, suffix);
}

/** As {@link insertRows}; with a `RETURNING ...` suffix, returns the rows the database reports. */
export async function insertRowsReturning<T = unknown>(
  sql: SqlClient,
  shape: TableShape,
  rows: readonly (readonly unknown[])[],
  suffix = '',
): Promise<T[]> {
  const out: T[] = [];
  if (rows.length === 0) return out;
  const columns = shape.columns.join(', ');
  const returning = suffix.includes('RETURNING');
  if (sql.dialect === 'postgres') {
    const arrays = shape.types.map((type) => `?::${type}[]`).join(', ');
    const text = `INSERT INTO ${shape.table} (${columns}) SELECT * FROM unnest(${arrays}) ${suffix}`;
    for (const chunk of chunked(rows, PG_ROWS_PER_STATEMENT)) {
      const params = shape.columns.map((_, index) => chunk.map((row) => row[index] ?? null));
      if (returning) out.push(...(await sql.all<T>(text, params)));
      else await sql.run(text, params);
    }
    return out;
  }
  const width = shape.columns.length;
  const tuple = `(?${',?'.repeat(width - 1)})`;
  const perStatement = Math.max(1, Math.floor(SQLITE_MAX_VARIABLES / width));
  for (const chunk of chunked(rows, perStatement)) {
    const text = `INSERT INTO ${shape.table} (${columns}) VALUES ${tuple}${`,${tuple}`.repeat(chunk.length - 1)} ${suffix}`;
    if (returning) out.push(...(await sql.all<T>(text, chunk.flat())));
    else await sql.run(text, chunk.flat());
  }
  return out;
}

/**
 * Updates many rows by key with one statement per chunk: `UPDATE ... FROM (VALUES ...)`
 * on SQLite, `UPDATE ... FROM unnest(...)` on PostgreSQL. `set` maps each column to an
 * expression over `v.<column>` (e.g. `failures = refresh_state.failures + 1`).
 *
 * @example
 * await updateRows(tx, { table: 'refresh_state', columns: ['id', 'errors'], types: ['bigint', 'text'] }, rows, {
 *   errors: 'v.errors',
 * });
 */
export async function updateRows(
  sql: SqlClient,
  shape: TableShape,
  rows: readonly (readonly unknown[])[],
  set: Record<string, string>,
): Promise<void> {
  if (rows.length === 0) return;
  const key = shape.columns[0];
  const assignments = Object.entries(set)
    .map(([column, expression]) => `${column} = ${expression}`)
    .join(', ');
  if (sql.dialect === 'postgres') {
    const arrays = shape.types.map((type) => `?::${type}[]`).join(', ');
    const text = `UPDATE ${shape.table} SET ${assignments} FROM unnest(${arrays}) AS v(${shape.columns.join(', ')}) WHERE ${shape.table}.${key} = v.${key}`;
    for (const chunk of chunked(rows, PG_ROWS_PER_STATEMENT)) {
      await sql.run(
        text,
        shape.columns.map((_, index) => chunk.map((row) => row[index] ?? null)),
      );
    }
    return;
  }
  const width = shape.columns.length;
  const tuple = `(?${',?'.repeat(width - 1)})`;
  const aliases = shape.columns.map((column, index) => `column${index + 1} AS ${column}`).join(', ');
  const perStatement = Math.max(1, Math.floor(SQLITE_MAX_VARIABLES / width));
  for (const chunk of chunked(rows, perStatement)) {
    const values = `VALUES ${tuple}${`,${tuple}`.repeat(chunk.length - 1)}`;
    const text = `UPDATE ${shape.table} SET ${assignments} FROM (SELECT ${aliases} FROM (${values})) AS v WHERE ${shape.table}.${key} = v.${key}`;
    await sql.run(text, chunk.flat());
  }
}
