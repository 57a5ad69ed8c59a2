import { CATALOG_EVENT_TOPICS } from '@atrium/catalog/common';
import {
  type EventsService,
  type LoggerService,
  type SchedulerService,
  triggerOnEvents,
} from '@atrium/kernel';

/** Catalog changes come in bursts (a location of many entities): one refresh per burst, this long after its first change. */
export const FOLLOW_CATALOG_DEBOUNCE_MS = 2000;

/**
 * New and changed entities reach the docs without waiting for `refreshInterval`: a catalog
 * upsert triggers the refresh task (one filtered catalog query, builds made due), at most
 * once per burst.
 */
export function followCatalog(deps: {
  events: EventsService;
  scheduler: SchedulerService;
  logger: LoggerService;
}) {
  return triggerOnEvents({
    ...deps,
    id: 'techdocs-follow-catalog',
    topics: [CATALOG_EVENT_TOPICS.entityUpserted],
    taskId: 'refresh',
    debounceMs: FOLLOW_CATALOG_DEBOUNCE_MS,
  });
}
