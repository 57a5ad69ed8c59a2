import { insertRows, type TableShape } from '../database/bulk-write.js';
import { chunked, type SqlClient } from '../database/sql-client.js';
import type { SearchRow } from './build-search-rows.js';

const SEARCH: TableShape = {
  table: 'search',
  columns: ['key', 'kind', 'value', 'entity_id', 'original_value'],
  types: ['text', 'text', 'text', 'bigint', 'text'],
};

function compareRows(a: SearchRow, b: SearchRow): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  return a.entityId - b.entityId;
}

/**
 * Adds rows to the filter index, in primary-key order: neighbouring inserts then land on
 * the same B-tree pages, which a transaction writes once instead of once per row.
 */
export async function insertSearchRows(sql: SqlClient, rows: readonly SearchRow[]): Promise<void> {
  const sorted = [...rows].sort(compareRows);
  // Idempotent: a retried or concurrent stitch of the same entity must not fail on a row
  // that is already there.
  await insertRows(
    sql,
    SEARCH,
    sorted.map((row) => [row.key, row.kind, row.value, row.entityId, row.original]),
    'ON CONFLICT DO NOTHING',
  );
}

/**
 * Removes rows from the filter index by primary key. The index has no entity-id index
 * (it would cost a second B-tree on millions of rows), so callers name the exact rows:
 * those built from the previously served entity.
 */
export async function deleteSearchRows(sql: SqlClient, rows: readonly SearchRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (sql.dialect === 'postgres') {
    for (const chunk of chunked(rows, 20_000)) {
      await sql.run(
        'DELETE FROM search WHERE (key, kind, value, entity_id) IN (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[]))',
        [
          chunk.map((row) => row.key),
          chunk.map((row) => row.kind),
          chunk.map((row) => row.value),
          chunk.map((row) => row.entityId),
        ],
      );
    }
    return;
  }
  for (const row of [...rows].sort(compareRows)) {
    await sql.run('DELETE FROM search WHERE key = ? AND kind = ? AND value = ? AND entity_id = ?', [
      row.key,
      row.kind,
      row.value,
      row.entityId,
    ]);
  }
}

/** Which rows to delete and insert to turn one entity's indexed rows into another's. */
export function diffSearchRows(before: readonly SearchRow[], after: readonly SearchRow[]) {
  const identity = (row: SearchRow) =>
    `${row.key}\u0000${row.value}\u0000${row.original ?? ''}\u0000${row.kind}`;
  const old = new Set(before.map(identity));
  const next = new Set(after.map(identity));
  return {
    removed: before.filter((row) => !next.has(identity(row))),
    added: after.filter((row) => !old.has(identity(row))),
  };
}
