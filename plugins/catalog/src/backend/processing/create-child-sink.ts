import type { SqlClient } from '../database/sql-client.js';
import { markForStitching } from '../stitching/stitch-queue.js';
import type { CatalogEventPublisher } from './catalog-event-publisher.js';
import type { ChildSink } from './processing-context.js';
import { writeChildren } from './write-children.js';

/**
 * The child sink of the processing engine: stores a chunk of a location's children (with
 * their edges and conflict checks) in its own transaction while the location is still
 * being read. Stale children are only removed once the whole location was read.
 *
 * @example
 * const context = { ...context, childSink: createChildSink(db, publish) };
 */
export function createChildSink(db: SqlClient, publish: CatalogEventPublisher): ChildSink {
  return async (parentRef, children) => {
    const now = Date.now();
    const written = await db.transaction(async (tx) => {
      const scopes = { fresh: [], removed: [], complete: false };
      const result = await writeChildren(tx, [{ parentRef, children, scopes, hadChildren: false }], now);
      await markForStitching(tx, result.adopted, now);
      return result;
    });
    publish.conflict(written.conflicts);
    return {
      accepted: [...(written.accepted.get(parentRef) ?? [])],
      errors: written.errors.get(parentRef) ?? [],
    };
  };
}
