import { randomUUID } from 'node:crypto';
import { sql } from '@atrium/kernel';
import { insertRows } from '../database/bulk-write.js';
import { chunked, listOf, type SqlClient } from '../database/sql-client.js';

/** A claimed stitch: the ref and the ticket that must still be current when it completes. */
export interface StitchTicket {
  entityRef: string;
  ticket: string;
}

/**
 * Queues entities for stitching (idempotent: a queued ref just gets a new ticket). Runs
 * inside the transaction that changed their inputs, so a crash cannot lose a stitch.
 */
export async function markForStitching(db: SqlClient, refs: Iterable<string>, now: number): Promise<void> {
  // Sorted: concurrent transactions on PostgreSQL then lock rows in one order (no deadlock).
  const unique = [...new Set(refs)].sort();
  if (unique.length === 0) return;
  const ticket = randomUUID();
  await insertRows(
    db,
    {
      table: 'stitch_queue',
      columns: ['entity_ref', 'ticket', 'next_stitch_at'],
      types: ['text', 'text', 'bigint'],
    },
    unique.map((ref) => [ref, ticket, now]),
    // A queued ref that is not being stitched right now is left alone (nothing to change);
    // one under a stitch lease gets a new ticket, so that stitch does not complete it (and
    // it becomes due again right after; see completeStitches), never a second stitch at once.
    sql`ON CONFLICT (entity_ref) DO UPDATE SET ticket = excluded.ticket WHERE stitch_queue.next_stitch_at > excluded.next_stitch_at`,
  );
}

/** Claims due stitches for `leaseMs`; another worker may take them over after that. */
export async function claimStitches(
  db: SqlClient,
  limit: number,
  now: number,
  leaseMs: number,
): Promise<StitchTicket[]> {
  const lock = db.dialect === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  const rows = await db.all(
    sql<{
      entity_ref: string;
      ticket: string;
    }>`UPDATE stitch_queue SET next_stitch_at = ${now + leaseMs} WHERE entity_ref IN (
       SELECT entity_ref FROM stitch_queue WHERE next_stitch_at <= ${now} ORDER BY next_stitch_at LIMIT ${limit}${lock}
     ) RETURNING entity_ref, ticket`,
  );
  return rows.map((row) => ({ entityRef: row.entity_ref, ticket: row.ticket }));
}

/**
 * Removes finished stitches whose ticket is unchanged; refs marked again meanwhile keep
 * their row and become due at once.
 */
export async function completeStitches(
  db: SqlClient,
  tickets: readonly StitchTicket[],
  now = Date.now(),
): Promise<void> {
  const byTicket = new Map<string, string[]>();
  for (const { entityRef, ticket } of tickets) {
    const refs = byTicket.get(ticket);
    if (refs) refs.push(entityRef);
    else byTicket.set(ticket, [entityRef]);
  }
  for (const [ticket, refs] of byTicket) {
    for (const chunk of chunked(refs, 500)) {
      const list = listOf(db.dialect, chunk);
      await db.run(sql`DELETE FROM stitch_queue WHERE ticket = ${ticket} AND entity_ref IN (${list})`);
      await db.run(sql`UPDATE stitch_queue SET next_stitch_at = ${now} WHERE entity_ref IN (${list})`);
    }
  }
}

/** Entities due for stitching now (the work queue's depth). */
export async function countDueStitches(db: SqlClient, now: number): Promise<number> {
  const [row] = await db.all(
    sql<{ n: number | string }>`SELECT count(*) AS n FROM stitch_queue WHERE next_stitch_at <= ${now}`,
  );
  return Number(row?.n ?? 0);
}
