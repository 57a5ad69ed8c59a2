import { sql } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import type { FilterableEntity } from '../engine/entity-filter.js';
import { bindDb } from './bind-db.js';
import type { ScorecardsTables } from './tables.js';
import { upsertRows } from './upsert-rows.js';

/** An entity as scorecards keeps it: what filters read, and its owner. */
export interface KnownEntity {
  entityRef: string;
  ownerRef: string;
  entity: FilterableEntity;
  /** Digest of the rule results of its last full evaluation, if nothing changed them since. */
  resultsDigest?: string;
}

const table = 'scorecards_entities' as const;

/**
 * Records a full evaluation: when, and the digest of each entity's rule results (the next
 * full run skips an entity whose results have the same digest).
 */
async function recordFullEvaluation(
  db: Kysely<ScorecardsTables>,
  digests: Array<{ entityRef: string; digest: string }>,
  at: number,
): Promise<void> {
  for (let start = 0; start < digests.length; start += 500) {
    const values = digests
      .slice(start, start + 500)
      .map(({ entityRef, digest }) => sql`(${entityRef}, ${digest})`);
    // UPDATE ... FROM a CTE: the same SQL on SQLite (3.33+) and PostgreSQL.
    await sql`WITH v(ref, digest) AS (VALUES ${sql.join(values)})
      UPDATE scorecards_entities SET results_digest = v.digest, evaluated_at = ${at}
      FROM v WHERE scorecards_entities.entity_ref = v.ref`.execute(db);
  }
}

/** Forgets the digests of entities some of whose results a partial evaluation wrote. */
async function clearDigests(db: Kysely<ScorecardsTables>, entityRefs: string[]): Promise<void> {
  for (let start = 0; start < entityRefs.length; start += 500)
    await db
      .updateTable(table)
      .set({ results_digest: null })
      .where('entity_ref', 'in', entityRefs.slice(start, start + 500))
      .execute();
}

/** Which of these entities scorecards knows. */
async function knownRefs(db: Kysely<ScorecardsTables>, entityRefs: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let start = 0; start < entityRefs.length; start += 500)
    for (const row of await db
      .selectFrom(table)
      .select('entity_ref')
      .where('entity_ref', 'in', entityRefs.slice(start, start + 500))
      .execute())
      out.add(row.entity_ref);
  return out;
}

/** The entities the catalog collector saw (so evaluation needs no catalog round trip). */
export function createEntityStore(db: Kysely<ScorecardsTables>) {
  return {
    async upsert(entities: KnownEntity[]): Promise<void> {
      const rows = entities.map(({ entityRef, ownerRef, entity }) => ({
        entity_ref: entityRef,
        owner_ref: ownerRef,
        body: JSON.stringify(entity),
      }));
      await upsertRows(db, table, ['entity_ref'], rows);
    },
    /** Forgets entities the catalog no longer has. */
    async removeExcept(entityRefs: ReadonlySet<string>): Promise<string[]> {
      const rows = await db.selectFrom(table).select('entity_ref').execute();
      const gone = rows.map((row) => row.entity_ref).filter((ref) => !entityRefs.has(ref));
      for (let start = 0; start < gone.length; start += 500)
        await db
          .deleteFrom(table)
          .where('entity_ref', 'in', gone.slice(start, start + 500))
          .execute();
      return gone;
    },
    async get(entityRefs: string[]): Promise<KnownEntity[]> {
      const out: KnownEntity[] = [];
      for (let start = 0; start < entityRefs.length; start += 500) {
        const rows = await db
          .selectFrom(table)
          .selectAll()
          .where('entity_ref', 'in', entityRefs.slice(start, start + 500))
          .orderBy('entity_ref')
          .execute();
        for (const row of rows)
          out.push({
            entityRef: row.entity_ref,
            ownerRef: row.owner_ref,
            entity: JSON.parse(row.body) as FilterableEntity,
            ...(row.results_digest ? { resultsDigest: row.results_digest } : {}),
          });
      }
      return out;
    },
    recordFullEvaluation: bindDb(recordFullEvaluation, db),
    clearDigests: bindDb(clearDigests, db),
    known: bindDb(knownRefs, db),
    async allRefs(): Promise<string[]> {
      const rows = await db.selectFrom(table).select('entity_ref').orderBy('entity_ref').execute();
      return rows.map((row) => row.entity_ref);
    },
  };
}

/** The entity store. */
export type EntityStore = ReturnType<typeof createEntityStore>;
