import { insertRows, updateRows } from '../database/bulk-write.js';
import { chunked, placeholders, type SqlClient } from '../database/sql-client.js';
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
    const list = placeholders(chunk.length);
    const old = await tx.all<{ ref: string }>(
      `SELECT DISTINCT source_entity_ref AS ref FROM relations WHERE originating_entity_id IN (${list})`,
      chunk,
    );
    for (const row of old) stitch.add(row.ref);
    await tx.run(`DELETE FROM relations WHERE originating_entity_id IN (${list})`, chunk);
    await tx.run(`DELETE FROM refresh_keys WHERE entity_id IN (${list})`, chunk);
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

async function updateStates(
  tx: SqlClient,
  items: ProcessedItem[],
  children: ChildrenWritten,
  options: WriteOptions,
  stitch: Set<string>,
) {
  const changed: unknown[][] = [];
  const same: unknown[][] = [];
  const failed: unknown[][] = [];
  for (const { claim, outcome } of items) {
    const conflicts = children.errors.get(claim.entityRef) ?? [];
    const errors = errorsJson([...outcome.errors, ...conflicts]);
    if (errors !== claim.errorsJson) stitch.add(claim.entityRef);
    if (!outcome.ok) {
      failed.push([
        claim.id,
        claim.unprocessedHash,
        claim.version,
        errors,
        options.nextRunAt(claim.failures + 1),
      ]);
      continue;
    }
    const cache = conflicts.length > 0 ? forgetFiles(outcome.cacheJson) : outcome.cacheJson;
    const next = options.nextRunAt(0);
    const pure = outcome.pure ? claim.unprocessedHash : null;
    if (outcome.resultHash === claim.resultHash)
      same.push([claim.id, claim.unprocessedHash, claim.version, errors, cache, next, pure]);
    else
      changed.push([
        claim.id,
        claim.unprocessedHash,
        claim.version,
        outcome.processedJson,
        outcome.resultHash,
        errors,
        cache,
        next,
        pure,
      ]);
  }
  const table = 'refresh_state';
  // A parent may have rewritten the entity since it was claimed, or a deleted child reset
  // it: then this result is stale, nothing of it is kept, and the entity stays due.
  const current = `${table}.unprocessed_hash = v.claimed_hash AND ${table}.version = v.claimed_version`;
  const keep = (column: string, value = `v.${column}`) =>
    `CASE WHEN ${current} THEN ${value} ELSE ${table}.${column} END`;
  const due = keep('next_update_at');
  const pure = `CASE WHEN ${current} THEN v.pure_hash ELSE NULL END`;
  const base = ['id', 'claimed_hash', 'claimed_version'];
  const baseTypes = ['bigint', 'text', 'integer'] as const;
  await updateRows(
    tx,
    { table, columns: [...base, 'errors', 'next_update_at'], types: [...baseTypes, 'text', 'bigint'] },
    failed,
    {
      errors: keep('errors'),
      next_update_at: due,
      failures: keep('failures', `${table}.failures + 1`),
      pure_hash: 'NULL',
    },
  );
  await updateRows(
    tx,
    {
      table,
      columns: [...base, 'errors', 'cache', 'next_update_at', 'pure_hash'],
      types: [...baseTypes, 'text', 'text', 'bigint', 'text'],
    },
    same,
    {
      errors: keep('errors'),
      cache: keep('cache'),
      next_update_at: due,
      failures: keep('failures', '0'),
      pure_hash: pure,
    },
  );
  await updateRows(
    tx,
    {
      table,
      columns: [...base, 'processed_entity', 'result_hash', 'errors', 'cache', 'next_update_at', 'pure_hash'],
      types: [...baseTypes, 'text', 'text', 'text', 'text', 'bigint', 'text'],
    },
    changed,
    {
      processed_entity: keep('processed_entity'),
      result_hash: keep('result_hash'),
      errors: keep('errors'),
      cache: keep('cache'),
      next_update_at: due,
      failures: keep('failures', '0'),
      pure_hash: pure,
    },
  );
}

/**
 * Writes one flush of processing results in a single transaction: children (with
 * conflict checks) and parent edges, each entity's new state (only errors and due time
 * when nothing else changed, or when processing failed: the previous output stays),
 * relations and refresh keys of changed entities, orphan handling and stitch marks.
 *
 * @example
 * const summary = await writeProcessingResults(sql, items, { now, nextRunAt, orphanStrategy: 'delete' });
 */
export async function writeProcessingResults(
  sql: SqlClient,
  items: ProcessedItem[],
  options: WriteOptions,
): Promise<WriteSummary> {
  return sql.transaction(async (tx) => {
    const parents = items
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
    const children = await writeChildren(tx, parents, options.now);
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
