import { sql } from '@atrium/kernel';
import type { SqlClient } from '../database/sql-client.js';

/** An entity claimed for processing. */
export interface ClaimedEntity {
  id: number;
  entityRef: string;
  unprocessedJson: string;
  /** The unprocessed hash at claim time: if a parent rewrites the entity meanwhile, it stays due. */
  unprocessedHash: string;
  /** The state version at claim time (see the `version` column). */
  version: number;
  resultHash: string | null;
  cacheJson: string | null;
  errorsJson: string | null;
  failures: number;
}

/**
 * Forgets which entities were pure when the pipeline (kinds, processors, code) changed,
 * and makes them due: they are all processed again once.
 */
export async function resetPureEntities(db: SqlClient, fingerprint: string): Promise<void> {
  const [row] = await db.all(
    sql<{ text: string | null }>`SELECT text FROM catalog_meta WHERE key = 'pipeline'`,
  );
  if (row?.text === fingerprint) return;
  await db.transaction(async (tx) => {
    await tx.run(
      sql`UPDATE refresh_state SET pure_hash = NULL, next_update_at = ${Date.now()} WHERE pure_hash IS NOT NULL`,
    );
    await tx.run(sql`UPDATE catalog_meta SET text = ${fingerprint} WHERE key = 'pipeline'`);
  });
}

/**
 * Claims up to `limit` due entities with one conditional update that pushes their due
 * time past a lease: concurrent workers (other replicas too) never get the same rows,
 * and a worker that dies leaves them due again once the lease runs out.
 *
 * @example
 * const batch = await claimDueEntities(db, 500, Date.now(), 60_000);
 */
export async function claimDueEntities(
  db: SqlClient,
  limit: number,
  now: number,
  leaseMs: number,
): Promise<ClaimedEntity[]> {
  const lock = db.dialect === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  const rows = await db.all(
    sql<{
      id: number;
      entity_ref: string;
      unprocessed_entity: string;
      unprocessed_hash: string;
      version: number;
      result_hash: string | null;
      cache: string | null;
      errors: string | null;
      failures: number;
    }>`UPDATE refresh_state SET next_update_at = ${now + leaseMs}, lease_expires_at = ${now + leaseMs} WHERE id IN (
       SELECT id FROM refresh_state WHERE next_update_at <= ${now} AND pure_hash IS NULL
       ORDER BY next_update_at LIMIT ${limit}${lock}
     ) RETURNING id, entity_ref, unprocessed_entity, unprocessed_hash, version, result_hash, cache, errors, failures`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    entityRef: row.entity_ref,
    unprocessedJson: row.unprocessed_entity,
    unprocessedHash: row.unprocessed_hash,
    version: Number(row.version),
    resultHash: row.result_hash,
    cacheJson: row.cache,
    errorsJson: row.errors,
    failures: Number(row.failures),
  }));
}

/**
 * Clears the leases that ran out before their holder wrote a result (a crashed or stalled
 * worker) and says how many there were; their entities are already due again.
 */
export async function reapExpiredLeases(db: SqlClient, now: number): Promise<number> {
  const rows = await db.all(
    sql<{ id: number }>`UPDATE refresh_state SET lease_expires_at = NULL
      WHERE lease_expires_at IS NOT NULL AND lease_expires_at < ${now} RETURNING id`,
  );
  return rows.length;
}

/** Entities due for processing now (the work queue's depth). */
export async function countDueEntities(db: SqlClient, now: number): Promise<number> {
  const [row] = await db.all(
    sql<{
      n: number | string;
    }>`SELECT count(*) AS n FROM refresh_state WHERE next_update_at <= ${now} AND pure_hash IS NULL`,
  );
  return Number(row?.n ?? 0);
}
