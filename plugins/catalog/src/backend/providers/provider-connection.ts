import type { Entity } from '@atrium/catalog-model';
import { type LoggerService, sql } from '@atrium/kernel';
import { chunked, listOf, type SqlClient } from '../database/sql-client.js';
import { resolveOrphans } from '../entities/delete-entities.js';
import type {
  DeferredEntity,
  EntityProviderConnection,
  EntityProviderMutation,
} from '../extensions/entity-provider.js';
import type { CatalogEventPublisher } from '../processing/catalog-event-publisher.js';
import { entityRefOf } from '../processing/collect-children.js';
import { contentHash } from '../processing/content-hash.js';
import type { ChildEntity } from '../processing/processing-types.js';
import { removeEdges, writeChildren } from '../processing/write-children.js';
import { markForStitching } from '../stitching/stitch-queue.js';

/** What a provider connection needs. */
export interface ProviderConnectionOptions {
  providerName: string;
  sql: SqlClient;
  logger: LoggerService;
  publish: CatalogEventPublisher;
  /** Called after a mutation or refresh, so the engine picks the work up at once. */
  wake(): void;
}

function toChildren(entities: readonly DeferredEntity[], options: ProviderConnectionOptions): ChildEntity[] {
  const out: ChildEntity[] = [];
  for (const { entity, locationKey } of entities) {
    const ref = entityRefOf(entity);
    if (!ref) {
      options.logger.warn(
        `provider '${options.providerName}' emitted an entity without a valid kind and metadata.name; it was skipped`,
      );
      continue;
    }
    const json = JSON.stringify(entity);
    out.push({ ref, json, hash: contentHash(json), locationKey: locationKey ?? null });
  }
  return out;
}

function removedRef(item: DeferredEntity | { entityRef: string }): string | undefined {
  return 'entityRef' in item
    ? item.entityRef.toLowerCase()
    : entityRefOf((item as { entity: Entity }).entity);
}

/**
 * The connection an entity provider gets: `full` mutations replace everything the
 * provider emitted (what it no longer lists is deleted with its descendants), `delta`
 * mutations add and remove (likewise); `refresh` makes every entity with a matching refresh key due.
 *
 * @example
 * await provider.connect(createProviderConnection({ providerName: provider.getProviderName(), sql, ... }));
 */
export function createProviderConnection(options: ProviderConnectionOptions): EntityProviderConnection {
  const { sql: db, providerName } = options;
  return {
    async applyMutation(mutation: EntityProviderMutation) {
      const now = Date.now();
      const added = toChildren(mutation.type === 'full' ? mutation.entities : mutation.added, options);
      const result = await db.transaction(async (tx) => {
        const written = await writeChildren(
          tx,
          [
            {
              parentRef: providerName,
              source: 'provider',
              children: added,
              scopes: { fresh: [], removed: [], complete: mutation.type === 'full' },
              hadChildren: true,
            },
          ],
          now,
        );
        if (mutation.type === 'delta') {
          const refs = mutation.removed.map(removedRef).filter((ref): ref is string => ref !== undefined);
          await removeEdges(tx, { parentRef: providerName, source: 'provider' }, refs, written);
        }
        // What a provider stops emitting goes, with every descendant nothing else holds,
        // whatever catalog.orphanStrategy says (Backstage's eager pruning): unregistering a
        // location removes what it produced. The strategy is for a processed parent's children.
        const orphans = await resolveOrphans(tx, written.orphanCandidates, 'delete');
        await markForStitching(tx, [...written.adopted, ...orphans.restitch], now);
        return { written, orphans };
      });
      for (const errors of result.written.errors.values()) {
        for (const error of errors) options.logger.warn(`provider '${providerName}': ${error.message}`);
      }
      options.publish.conflict(result.written.conflicts);
      options.publish.deleted(result.orphans.deleted, 'provider');
      options.wake();
    },
    async refresh({ keys }) {
      const now = Date.now();
      for (const chunk of chunked(keys, 500)) {
        await db.run(
          sql`UPDATE refresh_state SET next_update_at = ${now} WHERE id IN (SELECT entity_id FROM refresh_keys WHERE key IN (${listOf(db.dialect, chunk)}))`,
        );
      }
      options.wake();
    },
  };
}
