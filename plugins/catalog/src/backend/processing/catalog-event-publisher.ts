import type { AuditorService, Credentials, EventsService, LoggerService } from '@atrium/kernel';
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

/** Audit records of what processing and providers changed, one per entity. */
export interface PipelineAudit {
  upserted(changes: readonly StitchedChange[]): void;
  deleted(entities: readonly DeletedEntity[], reason: CatalogEntityDeletedEvent['reason']): void;
}

/**
 * Records `catalog.entity.create/update/delete` for changes made by processing and
 * providers, as the catalog itself (a service actor), at severity `low`: an ingest of
 * thousands of entities writes as many records, which the audit plugin stores in batches
 * and the log stream prints only when `low` is mapped to a printed level.
 */
export function createPipelineAudit(
  auditor: AuditorService,
  credentials: Credentials,
  logger: LoggerService,
): PipelineAudit {
  // One chain keeps the records in the order the changes happened.
  let chain = Promise.resolve();
  const enqueue = (records: Array<{ eventId: string; target: string; meta: Record<string, unknown> }>) => {
    chain = chain
      .then(async () => {
        for (const record of records)
          await auditor.record({ ...record, severityLevel: 'low', credentials, status: 'succeeded' });
      })
      .catch((error: unknown) => logger.warn('recording catalog audit events failed', error as Error));
  };
  return {
    upserted(changes) {
      enqueue(
        changes.map((change) => ({
          eventId: change.added ? 'entity.create' : 'entity.update',
          target: change.entityRef,
          meta: { uid: change.uid, location: change.location, source: 'processing' },
        })),
      );
    },
    deleted(entities, reason) {
      enqueue(
        entities.map((entity) => ({
          eventId: 'entity.delete',
          target: entity.entityRef,
          meta: { uid: entity.uid, reason, source: reason === 'provider' ? 'provider' : 'processing' },
        })),
      );
    },
  };
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
  audit?: PipelineAudit,
): CatalogEventPublisher {
  const send = (topic: string, eventPayload: unknown) => {
    events.publish({ topic, eventPayload }).catch((error: unknown) => {
      logger.warn(`publishing a '${topic}' event failed`, error as Error);
    });
  };
  return {
    upserted(changes) {
      audit?.upserted(changes);
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
      // API deletions are audited by their route, with the caller as the actor.
      if (reason !== 'deleted') audit?.deleted(entities, reason);
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
