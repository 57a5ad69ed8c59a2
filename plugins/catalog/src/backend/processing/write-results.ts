import { sql } from '@atrium/kernel';
import { insertRows, updateRows } from '../database/bulk-write.js';
import { chunked, listOf, type SqlClient, type SqlFragment } from '../database/sql-client.js';
import { type DeletionResult, resolveOrphans } from '../entities/delete-entities.js';
import { markForStitching } from '../stitching/stitch-queue.js';
import type { ClaimedEntity } from './claim-entities.js';
import type { ProcessingOutcome, SerializedError } from './processing-types.js';
import { type ChildrenWritten, writeChildren } from './write-children.js';

/** A claimed entity with what processing made of it. */
export interface ProcessedItem {
  claim: ClaimedEntity;
  outcome: ProcessingOutcome;
}

/** Scheduling and policy of the write. */
export interface WriteOptions {
  now: number;
  /** When an entity is next due: after a success, or after its n-th failure in a row. */
  nextRunAt(failures: number): number;
  orphanStrategy: 'keep' | 'delete';
}

/** What the write did, for events and logs. */
export interface WriteSummary {
  children: ChildrenWritten;
  orphans: DeletionResult;
}

const errorsJson = (errors: SerializedError[]) => (errors.length > 0 ? JSON.stringify(errors) : null);

// Conflicts are decided while writing: forget the parent's file etags so the files are
// read (and the conflict reported) again next time rather than skipped as unchanged.
function forgetFiles(cacheJson: string | null): string | null {
  if (!cacheJson) return cacheJson;
  const cache = JSON.parse(cacheJson) as { f?: Record<string, string> };
  if (cache.f) for (const key of Object.keys(cache.f)) cache.f[key] = '';
  return JSON.stringify(cache);
}

async function replaceRelations(tx: SqlClient, changed: ProcessedItem[], stitch: Set<string>): Promise<void> {
  for (const chunk of chunked(
    changed.map((item) => item.claim.id),
    500,
  )) {
    const list = listOf(tx.dialect, chunk);
    const old = await tx.all(
      sql<{
        ref: string;
      }>`SELECT DISTINCT source_entity_ref AS ref FROM relations WHERE originating_entity_id IN (${list})`,
    );
    for (const row of old) stitch.add(row.ref);
    await tx.run(sql`DELETE FROM relations WHERE originating_entity_id IN (${list})`);
    await tx.run(sql`DELETE FROM refresh_keys WHERE entity_id IN (${list})`);
  }
  const relations = changed.flatMap(({ claim, outcome }) =>
    outcome.relations.map((r) => [claim.id, r.source, r.type, r.target]),
  );
  for (const row of relations) stitch.add(row[1] as string);
  await insertRows(
    tx,
    {
      table: 'relations',
      columns: ['originating_entity_id', 'source_entity_ref', 'type', 'target_entity_ref'],
      types: ['bigint', 'text', 'text', 'text'],
    },
    relations,
  );
  await insertRows(
    tx,
    { table: 'refresh_keys', columns: ['entity_id', 'key'], types: ['bigint', 'text'] },
    changed.flatMap(({ claim, outcome }) => outcome.refreshKeys.map((key) => [claim.id, key])),
  );
}

/** Rows for `refresh_state`, by how much of the entity's state a result replaces. */
interface StateUpdates {
  /** Processing failed: errors and due time only, the previous output stays. */
  failed: unknown[][];
  /** Same output as before: errors, cache, due time and purity. */
  same: unknown[][];
  /** New output: everything. */
  changed: unknown[][];
}

// Rows start with the claim's identity; the write checks it is still current.
const claimColumns = (claim: ClaimedEntity) => [claim.id, claim.unprocessedHash, claim.version];

function sortStateUpdates(
  items: ProcessedItem[],
  children: ChildrenWritten,
  options: WriteOptions,
  stitch: Set<string>,
): StateUpdates {
  const updates: StateUpdates = { failed: [], same: [], changed: [] };
  for (const { claim, outcome } of items) {
    const conflicts = children.errors.get(claim.entityRef) ?? [];
    const errors = errorsJson([...outcome.errors, ...conflicts]);
    if (errors !== claim.errorsJson) stitch.add(claim.entityRef);
    if (!outcome.ok) {
      updates.failed.push([...claimColumns(claim), errors, options.nextRunAt(claim.failures + 1)]);
      continue;
    }
    const cache = conflicts.length > 0 ? forgetFiles(outcome.cacheJson) : outcome.cacheJson;
    const next = options.nextRunAt(0);
    const pure = outcome.pure ? claim.unprocessedHash : null;
    if (outcome.resultHash === claim.resultHash) {
      updates.same.push([...claimColumns(claim), errors, cache, next, pure]);
    } else {
      const output = [outcome.processedJson, outcome.resultHash];
      updates.changed.push([...claimColumns(claim), ...output, errors, cache, next, pure]);
    }
  }
  return updates;
}

const STATE_TABLE = 'refresh_state';
const base = ['id', 'claimed_hash', 'claimed_version'];
const baseTypes = ['bigint', 'text', 'integer'] as const;
// A parent may have rewritten the entity since it was claimed, or a deleted child reset
// it: then this result is stale, nothing of it is kept, and the entity stays due.
const isCurrent = sql`refresh_state.unprocessed_hash = v.claimed_hash AND refresh_state.version = v.claimed_version`;
const keep = (column: string, value: SqlFragment = sql.ref(`v.${column}`)) =>
  sql`CASE WHEN ${isCurrent} THEN ${value} ELSE ${sql.ref(`${STATE_TABLE}.${column}`)} END`;
const keepPurity = sql`CASE WHEN ${isCurrent} THEN v.pure_hash ELSE NULL END`;
// The holder finished, stale or not. (Should its lease have run out and another worker
// claimed the entity meanwhile, that worker's lease is cleared too: an expiry may then go
// uncounted, never an entity lost, since next_update_at still makes it due.)

async function writeFailedStates(tx: SqlClient, rows: unknown[][]): Promise<void> {
  await updateRows(
    tx,
    {
      table: STATE_TABLE,
      columns: [...base, 'errors', 'next_update_at'],
      types: [...baseTypes, 'text', 'bigint'],
    },
    rows,
    {
      errors: keep('errors'),
      next_update_at: keep('next_update_at'),
      failures: keep('failures', sql`refresh_state.failures + 1`),
      pure_hash: sql`NULL`,
      lease_expires_at: sql`NULL`,
    },
  );
}

async function writeUnchangedStates(tx: SqlClient, rows: unknown[][]): Promise<void> {
  await updateRows(
    tx,
    {
      table: STATE_TABLE,
      columns: [...base, 'errors', 'cache', 'next_update_at', 'pure_hash'],
      types: [...baseTypes, 'text', 'text', 'bigint', 'text'],
    },
    rows,
    {
      errors: keep('errors'),
      cache: keep('cache'),
      next_update_at: keep('next_update_at'),
      failures: keep('failures', sql`0`),
      pure_hash: keepPurity,
      lease_expires_at: sql`NULL`,
    },
  );
}

async function writeChangedStates(tx: SqlClient, rows: unknown[][]): Promise<void> {
  await updateRows(
    tx,
    {
      table: STATE_TABLE,
      columns: [...base, 'processed_entity', 'result_hash', 'errors', 'cache', 'next_update_at', 'pure_hash'],
      types: [...baseTypes, 'text', 'text', 'text', 'text', 'bigint', 'text'],
    },
    rows,
    {
      processed_entity: keep('processed_entity'),
      result_hash: keep('result_hash'),
      errors: keep('errors'),
      cache: keep('cache'),
      next_update_at: keep('next_update_at'),
      failures: keep('failures', sql`0`),
      pure_hash: keepPurity,
      lease_expires_at: sql`NULL`,
    },
  );
}

/** Stores each entity's new state; adds to `stitch` the entities whose errors changed. */
async function updateStates(
  tx: SqlClient,
  items: ProcessedItem[],
  children: ChildrenWritten,
  options: WriteOptions,
  stitch: Set<string>,
): Promise<void> {
  const updates = sortStateUpdates(items, children, options, stitch);
  await writeFailedStates(tx, updates.failed);
  await writeUnchangedStates(tx, updates.same);
  await writeChangedStates(tx, updates.changed);
}

/** The processed entities whose children are written (or whose old children may go). */
function parentsOf(items: ProcessedItem[]) {
  return items
    .filter(
      ({ outcome }) =>
        outcome.ok &&
        (outcome.children.length > 0 ||
          outcome.scopes.removed.length > 0 ||
          outcome.scopes.fresh.length > 0 ||
          outcome.hadChildren),
    )
    .map(({ claim, outcome }) => ({
      parentRef: claim.entityRef,
      children: outcome.children,
      streamed: outcome.streamed,
      scopes: outcome.scopes,
      hadChildren: outcome.hadChildren,
    }));
}

/**
 * Writes one flush of processing results in a single transaction: children (with
 * conflict checks) and parent edges, each entity's new state (only errors and due time
 * when nothing else changed, or when processing failed: the previous output stays),
 * relations and refresh keys of changed entities, orphan handling and stitch marks.
 *
 * @example
 * const summary = await writeProcessingResults(db, items, { now, nextRunAt, orphanStrategy: 'delete' });
 */
export async function writeProcessingResults(
  db: SqlClient,
  items: ProcessedItem[],
  options: WriteOptions,
): Promise<WriteSummary> {
  return db.transaction(async (tx) => {
    const children = await writeChildren(tx, parentsOf(items), options.now);
    const stitch = new Set<string>(children.adopted);
    await updateStates(tx, items, children, options, stitch);
    const changed = items.filter(
      ({ claim, outcome }) => outcome.ok && outcome.resultHash !== claim.resultHash,
    );
    for (const { claim } of changed) stitch.add(claim.entityRef);
    await replaceRelations(tx, changed, stitch);
    const orphans = await resolveOrphans(tx, children.orphanCandidates, options.orphanStrategy);
    for (const ref of orphans.restitch) stitch.add(ref);
    for (const { entityRef } of orphans.deleted) stitch.delete(entityRef);
    await markForStitching(tx, stitch, options.now);
    return { children, orphans };
  });
}
