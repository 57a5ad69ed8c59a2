import { ANNOTATION_MANAGED_BY_LOCATION, type Entity } from '@atrium/catalog-model';
import { type LoggerService, sql } from '@atrium/kernel';
import { insertRows, type TableShape } from '../database/bulk-write.js';
import { chunked, listOf, type SqlClient } from '../database/sql-client.js';
import type { StoredJson } from '../database/stored-json.js';
import { buildSearchRows, type SearchRow } from './build-search-rows.js';
import { deleteSearchRows, diffSearchRows, insertSearchRows } from './search-index.js';
import { stitchEntity } from './stitch-entity.js';
import { completeStitches, type StitchTicket } from './stitch-queue.js';

const FINAL_ENTITIES: TableShape = {
  table: 'final_entities',
  columns: ['entity_id', 'entity_ref', 'kind', 'uid', 'hash', 'final_entity', 'updated_at'],
  types: ['bigint', 'text', 'text', 'text', 'text', 'text', 'bigint'],
};

/** An entity whose served form changed in a stitch. */
export interface StitchedChange {
  entityRef: string;
  uid: string;
  etag: string;
  added: boolean;
  /** The location that manages the entity (`backstage.io/managed-by-location`), for the audit log. */
  location?: string;
}

interface Inputs {
  states: Array<{
    id: number;
    uid: string;
    entity_ref: string;
    processed_entity: string | null;
    errors: string | null;
  }>;
  parents: Set<string>;
  relations: Map<string, Array<{ type: string; target: string }>>;
  previous: Map<number, { hash: string; final_entity: StoredJson }>;
}

async function loadInputs(db: SqlClient, refs: string[]): Promise<Inputs> {
  const list = listOf(db.dialect, refs);
  const states = await db.all(
    sql<
      Inputs['states'][number]
    >`SELECT id, uid, entity_ref, processed_entity, errors FROM refresh_state WHERE entity_ref IN (${list})`,
  );
  const parentRows = await db.all(
    sql<{
      ref: string;
    }>`SELECT DISTINCT target_entity_ref AS ref FROM refs WHERE target_entity_ref IN (${list})`,
  );
  const relationRows = await db.all(
    sql<{
      source: string;
      type: string;
      target: string;
    }>`SELECT DISTINCT source_entity_ref AS source, type, target_entity_ref AS target FROM relations WHERE source_entity_ref IN (${list})`,
  );
  const relations = new Map<string, Array<{ type: string; target: string }>>();
  for (const row of relationRows) {
    const list = relations.get(row.source);
    if (list) list.push(row);
    else relations.set(row.source, [row]);
  }
  const ids = states.map((state) => Number(state.id));
  const previousRows = ids.length
    ? await db.all(
        sql<{
          entity_id: number;
          hash: string;
          final_entity: StoredJson;
        }>`SELECT entity_id, hash, final_entity FROM final_entities WHERE entity_id IN (${listOf(db.dialect, ids)})`,
      )
    : [];
  const previous = new Map(previousRows.map((row) => [Number(row.entity_id), row]));
  return { states, parents: new Set(parentRows.map((row) => row.ref)), relations, previous };
}

function previousSearchRows(id: number, json: StoredJson | undefined): SearchRow[] {
  if (!json) return [];
  try {
    return buildSearchRows(id, JSON.parse(json) as Entity);
  } catch {
    return [];
  }
}

interface StitchWrite {
  id: number;
  ref: string;
  uid: string;
  json: string;
  hash: string;
  rows: SearchRow[];
  old: SearchRow[];
  added: boolean;
  etag: string;
  location?: string;
}

function buildWrites(inputs: Inputs, logger: LoggerService): StitchWrite[] {
  const writes: StitchWrite[] = [];
  for (const state of inputs.states) {
    if (!state.processed_entity) continue;
    const id = Number(state.id);
    const stitched = stitchEntity({
      processedJson: state.processed_entity,
      errorsJson: state.errors,
      uid: state.uid,
      relations: inputs.relations.get(state.entity_ref) ?? [],
      isOrphan: !inputs.parents.has(state.entity_ref),
    });
    const previous = inputs.previous.get(id);
    if (previous?.hash === stitched.hash) continue;
    let rows: SearchRow[];
    try {
      rows = buildSearchRows(id, stitched.entity);
    } catch (error) {
      logger.warn(`cannot stitch ${state.entity_ref}: ${(error as Error).message}`);
      continue;
    }
    const etag = stitched.entity.metadata.etag ?? stitched.hash;
    const old = previousSearchRows(id, previous?.final_entity);
    writes.push({
      id,
      ref: state.entity_ref,
      uid: state.uid,
      json: stitched.json,
      hash: stitched.hash,
      rows,
      old,
      added: !previous,
      etag,
      location: stitched.entity.metadata.annotations?.[ANNOTATION_MANAGED_BY_LOCATION],
    });
  }
  return writes;
}

async function writeStitched(tx: SqlClient, writes: StitchWrite[], now: number): Promise<void> {
  await insertRows(
    tx,
    FINAL_ENTITIES,
    writes.map((write) => [
      write.id,
      write.ref,
      write.ref.slice(0, write.ref.indexOf(':')),
      write.uid,
      write.hash,
      write.json,
      now,
    ]),
    sql`ON CONFLICT (entity_id) DO UPDATE SET hash = excluded.hash, final_entity = excluded.final_entity, updated_at = excluded.updated_at`,
  );
  const removed: SearchRow[] = [];
  const added: SearchRow[] = [];
  for (const write of writes) {
    const diff = diffSearchRows(write.old, write.rows);
    removed.push(...diff.removed);
    added.push(...diff.added);
  }
  await deleteSearchRows(tx, removed);
  await insertSearchRows(tx, added);
  if (writes.length > 0)
    await tx.run(sql`UPDATE catalog_meta SET value = value + 1 WHERE key = 'generation'`);
}

/**
 * Stitches a batch of entities: builds each served entity from its processed form, the
 * relations whose source it is, its incoming references (orphan or not) and its errors,
 * and writes the ones whose hash changed together with their filter-index rows in one
 * transaction (large batches write each index page once). Completes the tickets and
 * returns what changed.
 *
 * @example
 * const changes = await stitchEntities(db, await claimStitches(db, 500, Date.now(), 60_000), { now: Date.now(), logger });
 */
export async function stitchEntities(
  db: SqlClient,
  tickets: readonly StitchTicket[],
  options: { now: number; logger: LoggerService },
): Promise<StitchedChange[]> {
  const writes: StitchWrite[] = [];
  for (const chunk of chunked(tickets, 500)) {
    writes.push(
      ...buildWrites(
        await loadInputs(
          db,
          chunk.map((ticket) => ticket.entityRef),
        ),
        options.logger,
      ),
    );
  }
  await db.transaction(async (tx) => {
    await writeStitched(tx, writes, options.now);
    await completeStitches(tx, tickets);
  });
  return writes.map((write) => ({
    entityRef: write.ref,
    uid: write.uid,
    etag: write.etag,
    added: write.added,
    location: write.location,
  }));
}
