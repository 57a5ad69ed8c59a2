import { randomUUID } from 'node:crypto';
import { ConflictError } from '@atrium/errors';
import { sql } from '@atrium/kernel';
import type { CatalogConflictEvent } from '../../common/catalog-events.js';
import { insertRows, insertRowsReturning, updateRows } from '../database/bulk-write.js';
import { chunked, listOf, type SqlClient } from '../database/sql-client.js';
import type { ChildEntity, ChildScopes, SerializedError } from './processing-types.js';
import { serializeProcessingError } from './serialize-error.js';

/** One parent's children, as processing (or a provider) emitted them. */
export interface ParentChildren {
  /** The parent entity's ref, or the provider's name when `source` is `provider`. */
  parentRef: string;
  /** Whose edges these are: an entity (processing) or a provider (mutations). */
  source?: 'entity' | 'provider';
  children: ChildEntity[];
  /** Children stored earlier in this run (through the child sink), edges included. */
  streamed?: readonly string[];
  scopes: ChildScopes;
  hadChildren: boolean;
}

/** What writing the children did besides storing them. */
export interface ChildrenWritten {
  /** Conflict errors per parent ref, to store with the parent. */
  errors: Map<string, SerializedError[]>;
  conflicts: CatalogConflictEvent[];
  /** Entities that lost a parent edge. */
  orphanCandidates: Set<string>;
  /** Existing entities that gained a parent edge (an orphan annotation may go away). */
  adopted: Set<string>;
  /** Per parent, the children it now has an edge to. */
  accepted: Map<string, Set<string>>;
}

interface Stored {
  location_key: string | null;
  unprocessed_hash: string;
}

async function loadStored(tx: SqlClient, refs: string[]): Promise<Map<string, Stored>> {
  const stored = new Map<string, Stored>();
  for (const chunk of chunked(refs, 500)) {
    const rows = await tx.all(
      sql<
        Stored & { entity_ref: string }
      >`SELECT entity_ref, location_key, unprocessed_hash FROM refresh_state WHERE entity_ref IN (${listOf(tx.dialect, chunk)})`,
    );
    for (const row of rows) stored.set(row.entity_ref, row);
  }
  return stored;
}

function conflict(
  parent: ParentChildren,
  child: ChildEntity,
  existing: string | null,
  out: ChildrenWritten,
  now: number,
) {
  const error = new ConflictError(
    `entity ${child.ref} from ${child.locationKey} conflicts with the same entity already read from ${existing}; the first location keeps it. Remove it from one of them, or delete the entity so that the other can take it over`,
  );
  const list = out.errors.get(parent.parentRef) ?? [];
  list.push(serializeProcessingError(error));
  out.errors.set(parent.parentRef, list);
  out.conflicts.push({
    unprocessedEntity: JSON.parse(child.json),
    entityRef: child.ref,
    newLocationKey: child.locationKey,
    existingLocationKey: existing,
    lastConflictAt: new Date(now).toISOString(),
  });
}

interface Classified {
  accepted: Map<string, Set<string>>;
  inserts: Array<{ parent: ParentChildren; child: ChildEntity }>;
  updates: unknown[][];
}

function classify(
  parents: ParentChildren[],
  stored: Map<string, Stored>,
  out: ChildrenWritten,
  now: number,
): Classified {
  const result: Classified = { accepted: new Map(), inserts: [], updates: [] };
  for (const parent of parents) {
    const keep = new Set<string>();
    result.accepted.set(parent.parentRef, keep);
    for (const child of parent.children) {
      const existing = stored.get(child.ref);
      if (!existing) {
        result.inserts.push({ parent, child });
        stored.set(child.ref, { location_key: child.locationKey, unprocessed_hash: child.hash });
      } else if (existing.location_key !== null && existing.location_key !== child.locationKey) {
        conflict(parent, child, existing.location_key, out, now);
        continue;
      } else if (existing.unprocessed_hash !== child.hash || existing.location_key !== child.locationKey) {
        result.updates.push([child.ref, child.json, child.hash, child.locationKey, now]);
        existing.unprocessed_hash = child.hash;
      }
      keep.add(child.ref);
    }
  }
  return result;
}

const REFRESH_STATE_INSERT = {
  table: 'refresh_state',
  columns: ['uid', 'entity_ref', 'unprocessed_entity', 'unprocessed_hash', 'location_key', 'next_update_at'],
  types: ['text', 'text', 'text', 'text', 'text', 'bigint'],
} as const;

// Another transaction (a child sink, another replica) may have inserted the same ref
// between our read and our insert: decide those children again against what it wrote.
async function resolveRaces(
  tx: SqlClient,
  lost: Classified['inserts'],
  result: Classified,
  out: ChildrenWritten,
  now: number,
) {
  if (lost.length === 0) return;
  const stored = await loadStored(
    tx,
    lost.map(({ child }) => child.ref),
  );
  for (const { parent, child } of lost) {
    const existing = stored.get(child.ref);
    if (existing && existing.location_key !== null && existing.location_key !== child.locationKey) {
      result.accepted.get(parent.parentRef)?.delete(child.ref);
      conflict(parent, child, existing.location_key, out, now);
    } else if (existing && existing.unprocessed_hash !== child.hash) {
      result.updates.push([child.ref, child.json, child.hash, child.locationKey, now]);
    }
  }
}

async function upsertChildren(tx: SqlClient, parents: ParentChildren[], out: ChildrenWritten, now: number) {
  const all = parents.flatMap((parent) => parent.children.map((child) => child.ref));
  const result = classify(parents, await loadStored(tx, [...new Set(all)]), out, now);
  const written = await insertRowsReturning<{ entity_ref: string }>(
    tx,
    {
      ...REFRESH_STATE_INSERT,
      columns: [...REFRESH_STATE_INSERT.columns],
      types: [...REFRESH_STATE_INSERT.types],
    },
    result.inserts.map(({ child }) => [
      randomUUID(),
      child.ref,
      child.json,
      child.hash,
      child.locationKey,
      now,
    ]),
    sql`ON CONFLICT (entity_ref) DO NOTHING RETURNING entity_ref`,
  );
  const inserted = new Set(written.map((row) => row.entity_ref));
  await resolveRaces(
    tx,
    result.inserts.filter(({ child }) => !inserted.has(child.ref)),
    result,
    out,
    now,
  );
  await updateRows(
    tx,
    {
      table: 'refresh_state',
      columns: ['entity_ref', 'unprocessed_entity', 'unprocessed_hash', 'location_key', 'next_update_at'],
      types: ['text', 'text', 'text', 'text', 'bigint'],
    },
    result.updates,
    {
      unprocessed_entity: sql`v.unprocessed_entity`,
      unprocessed_hash: sql`v.unprocessed_hash`,
      location_key: sql`v.location_key`,
      next_update_at: sql`v.next_update_at`,
      pure_hash: sql`NULL`,
    },
  );
  return { accepted: result.accepted, inserted };
}

const sourceColumn = (parent: ParentChildren) =>
  parent.source === 'provider' ? 'source_key' : 'source_entity_ref';
const isSource = (parent: Pick<ParentChildren, 'parentRef' | 'source'>) =>
  sql`${sql.ref(sourceColumn(parent as ParentChildren))} = ${parent.parentRef}`;

async function addEdges(
  tx: SqlClient,
  parent: ParentChildren,
  targets: Set<string>,
  inserted: Set<string>,
  out: ChildrenWritten,
) {
  const column = sourceColumn(parent);
  const missing: string[] = [];
  for (const chunk of chunked([...targets], 500)) {
    const rows = await tx.all(
      sql<{
        ref: string;
      }>`SELECT target_entity_ref AS ref FROM refs WHERE ${isSource(parent)} AND target_entity_ref IN (${listOf(tx.dialect, chunk)})`,
    );
    const present = new Set(rows.map((row) => row.ref));
    for (const ref of chunk) if (!present.has(ref)) missing.push(ref);
  }
  await insertRows(
    tx,
    { table: 'refs', columns: [column, 'target_entity_ref'], types: ['text', 'text'] },
    missing.map((ref) => [parent.parentRef, ref]),
  );
  // New entities are not processed yet: stitching them now would only be abandoned.
  for (const ref of missing) if (!inserted.has(ref)) out.adopted.add(ref);
}

async function staleTargets(tx: SqlClient, parent: ParentChildren, keep: Set<string>): Promise<string[]> {
  const candidates: string[] = [];
  if (parent.scopes.complete) {
    if (parent.children.length === 0 && !parent.hadChildren) return [];
    const rows = await tx.all(
      sql<{ ref: string }>`SELECT target_entity_ref AS ref FROM refs WHERE ${isSource(parent)}`,
    );
    candidates.push(...rows.map((row) => row.ref));
  } else {
    for (const chunk of chunked([...parent.scopes.fresh, ...parent.scopes.removed], 500)) {
      const rows = await tx.all(
        sql<{
          ref: string;
        }>`SELECT entity_ref AS ref FROM refresh_state WHERE location_key IN (${listOf(tx.dialect, chunk)})`,
      );
      candidates.push(...rows.map((row) => row.ref));
    }
  }
  return candidates.filter((ref) => !keep.has(ref) && ref !== parent.parentRef);
}

/** Removes a parent's (or provider's) edges to the given children; they may become orphans. */
export async function removeEdges(
  tx: SqlClient,
  parent: Pick<ParentChildren, 'parentRef' | 'source'>,
  targets: string[],
  out: Pick<ChildrenWritten, 'orphanCandidates'>,
) {
  for (const chunk of chunked(targets, 500)) {
    const removed = await tx.run(
      sql`DELETE FROM refs WHERE ${isSource(parent)} AND target_entity_ref IN (${listOf(tx.dialect, chunk)})`,
    );
    if (removed > 0) for (const ref of chunk) out.orphanCandidates.add(ref);
  }
}

/**
 * Stores what parents emitted: new children are inserted (due now), changed ones
 * updated, and a child whose ref is already owned by another location key is refused as
 * a conflict (the first writer keeps it). Parent edges are added for accepted children
 * and removed for children the parent no longer emits.
 *
 * @example
 * const written = await writeChildren(tx, [{ parentRef, children, scopes, hadChildren }], Date.now());
 */
export async function writeChildren(
  tx: SqlClient,
  parents: ParentChildren[],
  now: number,
): Promise<ChildrenWritten> {
  const out: ChildrenWritten = {
    errors: new Map(),
    conflicts: [],
    orphanCandidates: new Set(),
    adopted: new Set(),
    accepted: new Map(),
  };
  if (parents.length === 0) return out;
  const { accepted, inserted } = await upsertChildren(tx, parents, out, now);
  out.accepted = accepted;
  for (const parent of parents) {
    const keep = accepted.get(parent.parentRef) ?? new Set<string>();
    await addEdges(tx, parent, keep, inserted, out);
    for (const ref of parent.streamed ?? []) keep.add(ref);
    await removeEdges(tx, parent, await staleTargets(tx, parent, keep), out);
  }
  return out;
}
