import { sql } from '@atrium/kernel';
import type { SqlClient } from '../database/sql-client.js';
import { markForStitching } from '../stitching/stitch-queue.js';
import { type DeletedEntity, deleteEntities, resolveOrphans } from './delete-entities.js';

/**
 * Deletes one entity on request (`DELETE /entities/by-uid/:uid`): its parents are made
 * due with their result hash and file etags cleared, so a parent that still emits the
 * entity writes it again (it reappears, as in Backstage); entities that had relations
 * from it are stitched again; its children may become orphans.
 *
 * @example
 * const deleted = await removeEntity(db, 'component:default/old', 'delete');
 */
export async function removeEntity(
  db: SqlClient,
  entityRef: string,
  orphanStrategy: 'keep' | 'delete',
): Promise<DeletedEntity[]> {
  return db.transaction(async (tx) => {
    const now = Date.now();
    await tx.run(
      sql`UPDATE refresh_state SET result_hash = NULL, cache = NULL, next_update_at = ${now}, version = version + 1
       WHERE entity_ref IN (SELECT source_entity_ref FROM refs WHERE target_entity_ref = ${entityRef} AND source_entity_ref IS NOT NULL)`,
    );
    const result = await deleteEntities(tx, [entityRef]);
    const orphans = await resolveOrphans(tx, result.orphanCandidates, orphanStrategy);
    await markForStitching(tx, [...result.restitch, ...orphans.restitch], now);
    return [...result.deleted, ...orphans.deleted];
  });
}

/**
 * Makes an entity and every `location:` ancestor due now (`POST /refresh`). Returns false
 * when the entity is unknown or an orphan: with no parent left there is nothing to
 * refresh it from (Backstage answers 404 too).
 */
export async function scheduleRefresh(db: SqlClient, entityRef: string): Promise<boolean> {
  const [row] = await db.all(
    sql<{ id: number }>`SELECT id FROM refresh_state s WHERE entity_ref = ${entityRef}
     AND EXISTS (SELECT 1 FROM refs r WHERE r.target_entity_ref = s.entity_ref)`,
  );
  if (!row) return false;
  await db.run(
    sql`WITH RECURSIVE ancestors(ref) AS (
       SELECT CAST(${entityRef} AS TEXT) UNION
       SELECT r.source_entity_ref FROM refs r JOIN ancestors a ON r.target_entity_ref = a.ref WHERE r.source_entity_ref IS NOT NULL
     )
     UPDATE refresh_state SET next_update_at = ${Date.now()}, pure_hash = NULL WHERE entity_ref IN (
       SELECT ref FROM ancestors WHERE ref = ${entityRef} OR ref LIKE 'location:%'
     )`,
  );
  return true;
}

/** Refs of an entity's ancestors through the reference graph (itself included). */
export async function ancestorsOf(db: SqlClient, entityRef: string): Promise<Set<string>> {
  const rows = await db.all(
    sql<{ ref: string }>`WITH RECURSIVE ancestors(ref) AS (
       SELECT CAST(${entityRef} AS TEXT) UNION
       SELECT r.source_entity_ref FROM refs r JOIN ancestors a ON r.target_entity_ref = a.ref WHERE r.source_entity_ref IS NOT NULL
     ) SELECT ref FROM ancestors`,
  );
  return new Set(rows.map((row) => row.ref));
}
