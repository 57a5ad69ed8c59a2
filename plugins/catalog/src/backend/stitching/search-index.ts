import { sql } from '@atrium/kernel';
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
export async function insertSearchRows(db: SqlClient, rows: readonly SearchRow[]): Promise<void> {
  const sorted = [...rows].sort(compareRows);
  // Idempotent: a retried or concurrent stitch of the same entity must not fail on a row
  // that is already there.
  await insertRows(
    db,
    SEARCH,
    sorted.map((row) => [row.key, row.kind, row.value, row.entityId, row.original]),
    sql`ON CONFLICT DO NOTHING`,
  );
}

/**
 * Removes rows from the filter index by primary key. The index has no entity-id index
 * (it would cost a second B-tree on millions of rows), so callers name the exact rows:
 * those built from the previously served entity.
 */
export async function deleteSearchRows(db: SqlClient, rows: readonly SearchRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (db.dialect === 'postgres') {
    for (const chunk of chunked(rows, 20_000)) {
      const keys = chunk.map((row) => row.key);
      const kinds = chunk.map((row) => row.kind);
      const values = chunk.map((row) => row.value);
      const ids = chunk.map((row) => row.entityId);
      await db.run(
        sql`DELETE FROM search WHERE (key, kind, value, entity_id) IN (SELECT * FROM unnest(${keys}::text[], ${kinds}::text[], ${values}::text[], ${ids}::bigint[]))`,
      );
    }
    return;
  }
  for (const row of [...rows].sort(compareRows)) {
    await db.run(
      sql`DELETE FROM search WHERE key = ${row.key} AND kind = ${row.kind} AND value = ${row.value} AND entity_id = ${row.entityId}`,
    );
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
