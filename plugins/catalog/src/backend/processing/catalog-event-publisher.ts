import type { EventsService, LoggerService } from '@atrium/kernel';
import {
  CATALOG_EVENT_TOPICS,
  type CatalogConflictEvent,
  type CatalogEntityDeletedEvent,
} from '../../common/catalog-events.js';
import type { DeletedEntity } from '../entities/delete-entities.js';
import type { StitchedChange } from '../stitching/stitch-entities.js';

/** Publishes the catalog's change events; a failing publish is logged, never thrown. */
export interface CatalogEventPublisher {
  upserted(changes: readonly StitchedChange[]): void;
  deleted(entities: readonly DeletedEntity[], reason: CatalogEntityDeletedEvent['reason']): void;
  conflict(conflicts: readonly CatalogConflictEvent[]): void;
}

/**
 * Creates the publisher over the kernel's `events` service.
 *
 * @example
 * const publish = createCatalogEventPublisher(deps.events, deps.logger);
 * publish.deleted([{ entityRef, uid }], 'orphaned');
 */
export function createCatalogEventPublisher(
  events: EventsService,
  logger: LoggerService,
): CatalogEventPublisher {
  const send = (topic: string, eventPayload: unknown) => {
    events.publish({ topic, eventPayload }).catch((error: unknown) => {
      logger.warn(`publishing a '${topic}' event failed`, error as Error);
    });
  };
  return {
    upserted(changes) {
      for (const change of changes) {
        send(CATALOG_EVENT_TOPICS.entityUpserted, {
          entityRef: change.entityRef,
          uid: change.uid,
          etag: change.etag,
          action: change.added ? 'added' : 'updated',
        });
      }
    },
    deleted(entities, reason) {
      for (const entity of entities) send(CATALOG_EVENT_TOPICS.entityDeleted, { ...entity, reason });
    },
    conflict(conflicts) {
      for (const conflict of conflicts) {
        logger.warn(
          `conflicting entityRef ${conflict.entityRef} already referenced by ${conflict.existingLocationKey} and now also ${conflict.newLocationKey}`,
        );
        send(CATALOG_EVENT_TOPICS.conflict, conflict);
      }
    },
  };
}
