import type { Kysely } from 'kysely';
import type { Fact } from '../../common/index.js';
import type { FactValue } from '../engine/compile-rule.js';
import { bindDb } from './bind-db.js';
import type { FactRow, ScorecardsTables } from './tables.js';
import { upsertRows } from './upsert-rows.js';

/** A fact to store: data, or the error that kept its collector from producing it. */
export type FactWrite = { entityRef: string; factRef: string; timestamp: number } & (
  | { data: unknown }
  | { error: string }
);

const CHUNK = 200;

const table = 'scorecards_facts' as const;

/**
 * Stores facts; answers the ones whose data or error changed (the ones that trigger
 * evaluation). A fact older than the stored one is ignored.
 */
async function factsWrite(
  db: Kysely<ScorecardsTables>,
  facts: FactWrite[],
  options: { skipUnchanged?: boolean } = {},
): Promise<FactWrite[]> {
  const changed: FactWrite[] = [];
  for (let start = 0; start < facts.length; start += CHUNK) {
    const chunk = facts.slice(start, start + CHUNK);
    const existing = await db
      .selectFrom(table)
      .select(['entity_ref', 'fact_ref', 'data', 'error', 'timestamp'])
      .where('entity_ref', 'in', [...new Set(chunk.map((fact) => fact.entityRef))])
      .where('fact_ref', 'in', [...new Set(chunk.map((fact) => fact.factRef))])
      .execute();
    const byKey = new Map(existing.map((row) => [`${row.entity_ref}\n${row.fact_ref}`, row]));
    const rows: FactRow[] = [];
    for (const fact of chunk) {
      const key = `${fact.entityRef}\n${fact.factRef}`;
      const row = byKey.get(key);
      if (row && Number(row.timestamp) > fact.timestamp) continue;
      const data = 'data' in fact ? JSON.stringify(fact.data ?? null) : null;
      const error = 'error' in fact ? fact.error : null;
      const same = row && row.data === data && row.error === error;
      // Collected facts that did not change keep their row (their timestamp is when they
      // last changed); a pushed one is written again, so CI sees its push's time.
      if (same && options.skipUnchanged) continue;
      if (!same) changed.push(fact);
      const next = {
        entity_ref: fact.entityRef,
        fact_ref: fact.factRef,
        data,
        error,
        timestamp: fact.timestamp,
      };
      // A later fact of the same key in this batch compares against this one.
      byKey.set(key, next);
      rows.push(next);
    }
    await upsertRows(db, table, ['entity_ref', 'fact_ref'], rows);
  }
  return changed;
}

/** The facts of some entities, as the engine reads them. */
async function factsForEntities(
  db: Kysely<ScorecardsTables>,
  entityRefs: string[],
): Promise<Map<string, Map<string, FactValue>>> {
  const out = new Map<string, Map<string, FactValue>>();
  for (let start = 0; start < entityRefs.length; start += 500) {
    const rows = await db
      .selectFrom(table)
      .select(['entity_ref', 'fact_ref', 'data', 'error'])
      .where('entity_ref', 'in', entityRefs.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      const facts = out.get(row.entity_ref) ?? new Map<string, FactValue>();
      facts.set(
        row.fact_ref,
        row.error !== null ? { error: row.error } : { data: JSON.parse(row.data ?? 'null') },
      );
      out.set(row.entity_ref, facts);
    }
  }
  return out;
}

/** An entity's facts as the API answers them (failed ones left out). */
async function factsList(
  db: Kysely<ScorecardsTables>,
  entityRef: string,
  factRefs?: string[],
): Promise<Fact[]> {
  let query = db.selectFrom(table).selectAll().where('entity_ref', '=', entityRef).where('error', 'is', null);
  if (factRefs) query = query.where('fact_ref', 'in', factRefs.length > 0 ? factRefs : ['']);
  const rows = await query.orderBy('fact_ref').execute();
  return rows.map((row) => ({
    factRef: row.fact_ref,
    entityRef: row.entity_ref,
    data: JSON.parse(row.data ?? 'null'),
    timestamp: new Date(Number(row.timestamp)).toISOString(),
  }));
}

/** The latest fact per entity and factRef (the cache checks evaluate from). */
export function createFactStore(db: Kysely<ScorecardsTables>) {
  return {
    write: bindDb(factsWrite, db),
    forEntities: bindDb(factsForEntities, db),
    list: bindDb(factsList, db),
  };
}

/** The fact store. */
export type FactStore = ReturnType<typeof createFactStore>;
