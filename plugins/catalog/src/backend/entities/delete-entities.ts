import type { Entity } from '@atrium/catalog-model';
import { sql } from '@atrium/kernel';
import { chunked, listOf, type SqlClient } from '../database/sql-client.js';
import type { StoredJson } from '../database/stored-json.js';
import { buildSearchRows, type SearchRow } from '../stitching/build-search-rows.js';
import { deleteSearchRows } from '../stitching/search-index.js';

/** An entity removed from the catalog. */
export interface DeletedEntity {
  entityRef: string;
  uid: string;
}

/** What a deletion did: the entities removed and those to stitch again. */
export interface DeletionResult {
  deleted: DeletedEntity[];
  /** Entities whose served relations came partly from a deleted entity. */
  restitch: Set<string>;
  /** Children of deleted entities: they may have become orphans. */
  orphanCandidates: Set<string>;
}

async function deleteChunk(tx: SqlClient, refs: string[], out: DeletionResult): Promise<void> {
  const list = listOf(tx.dialect, refs);
  const states = await tx.all(
    sql<{
      id: number;
      uid: string;
      entity_ref: string;
    }>`SELECT id, uid, entity_ref FROM refresh_state WHERE entity_ref IN (${list})`,
  );
  if (states.length === 0) return;
  const ids = states.map((state) => Number(state.id));
  const idList = listOf(tx.dialect, ids);
  const peers = await tx.all(
    sql<{
      ref: string;
    }>`SELECT DISTINCT source_entity_ref AS ref FROM relations WHERE originating_entity_id IN (${idList})`,
  );
  const children = await tx.all(
    sql<{
      ref: string;
    }>`SELECT DISTINCT target_entity_ref AS ref FROM refs WHERE source_entity_ref IN (${list})`,
  );
  const finals = await tx.all(
    sql<{
      entity_id: number;
      final_entity: StoredJson;
    }>`SELECT entity_id, final_entity FROM final_entities WHERE entity_id IN (${idList})`,
  );
  const searchRows: SearchRow[] = [];
  for (const row of finals) {
    try {
      searchRows.push(...buildSearchRows(Number(row.entity_id), JSON.parse(row.final_entity) as Entity));
    } catch {
      // Rows of an entity that never indexed cleanly were never written.
    }
  }
  await tx.run(sql`DELETE FROM relations WHERE originating_entity_id IN (${idList})`);
  await tx.run(sql`DELETE FROM refs WHERE source_entity_ref IN (${list})`);
  await tx.run(sql`DELETE FROM refs WHERE target_entity_ref IN (${list})`);
  await tx.run(sql`DELETE FROM refresh_keys WHERE entity_id IN (${idList})`);
  await tx.run(sql`DELETE FROM stitch_queue WHERE entity_ref IN (${list})`);
  await deleteSearchRows(tx, searchRows);
  await tx.run(sql`DELETE FROM final_entities WHERE entity_id IN (${idList})`);
  await tx.run(sql`DELETE FROM refresh_state WHERE id IN (${idList})`);
  if (finals.length > 0)
    await tx.run(sql`UPDATE catalog_meta SET value = value + 1 WHERE key = 'generation'`);
  for (const state of states) out.deleted.push({ entityRef: state.entity_ref, uid: state.uid });
  for (const peer of peers) out.restitch.add(peer.ref);
  for (const child of children) out.orphanCandidates.add(child.ref);
}

/**
 * Removes entities and everything derived from them: relations they emitted, their
 * references (both ways), refresh keys, the served entity and its filter-index rows.
 * Runs inside the caller's transaction.
 *
 * @example
 * const { deleted, restitch, orphanCandidates } = await deleteEntities(tx, ['component:default/old']);
 */
export async function deleteEntities(tx: SqlClient, refs: Iterable<string>): Promise<DeletionResult> {
  const out: DeletionResult = { deleted: [], restitch: new Set(), orphanCandidates: new Set() };
  for (const chunk of chunked([...new Set(refs)].sort(), 400)) await deleteChunk(tx, chunk, out);
  const gone = new Set(out.deleted.map((entity) => entity.entityRef));
  for (const ref of gone) {
    out.restitch.delete(ref);
    out.orphanCandidates.delete(ref);
  }
  return out;
}

/** Of the given refs, those that exist and have no parent left. */
export async function findOrphans(db: SqlClient, refs: Iterable<string>): Promise<string[]> {
  const out: string[] = [];
  for (const chunk of chunked([...new Set(refs)], 500)) {
    const rows = await db.all(
      sql<{
        entity_ref: string;
      }>`SELECT entity_ref FROM refresh_state s WHERE entity_ref IN (${listOf(db.dialect, chunk)})
       AND NOT EXISTS (SELECT 1 FROM refs r WHERE r.target_entity_ref = s.entity_ref)`,
    );
    for (const row of rows) out.push(row.entity_ref);
  }
  return out;
}

/**
 * Applies the orphan strategy to entities that may have lost their last parent:
 * `delete` removes them and, in turn, their own orphaned children; `keep` only asks for
 * a stitch, which adds the `backstage.io/orphan` annotation.
 */
export async function resolveOrphans(
  tx: SqlClient,
  candidates: Iterable<string>,
  strategy: 'keep' | 'delete',
): Promise<DeletionResult> {
  const total: DeletionResult = { deleted: [], restitch: new Set(), orphanCandidates: new Set() };
  let pending = [...candidates];
  for (let depth = 0; pending.length > 0 && depth < 100; depth++) {
    const orphans = await findOrphans(tx, pending);
    if (strategy === 'keep') {
      for (const ref of orphans) total.restitch.add(ref);
      return total;
    }
    const result = await deleteEntities(tx, orphans);
    total.deleted.push(...result.deleted);
    for (const ref of result.restitch) total.restitch.add(ref);
    pending = [...result.orphanCandidates];
  }
  const gone = new Set(total.deleted.map((entity) => entity.entityRef));
  for (const ref of gone) total.restitch.delete(ref);
  return total;
}
