import { CATALOG_EVENT_TOPICS } from '@atrium/catalog/common';
import { ConflictError } from '@atrium/errors';
import type { EventsService, LoggerService, SchedulerService } from '@atrium/kernel';

/** Catalog changes come in bursts (a location of many entities): one refresh per burst, this long after its first change. */
export const FOLLOW_CATALOG_DEBOUNCE_MS = 2000;

/**
 * New and changed entities reach the docs without waiting for `refreshInterval`: a catalog
 * upsert triggers the refresh task (one filtered catalog query, builds made due), at most
 * once per burst. A refresh that is running already will see the change, or the next one will.
 */
export async function followCatalog(deps: {
  events: EventsService;
  scheduler: SchedulerService;
  logger: LoggerService;
}) {
  let timer: NodeJS.Timeout | undefined;
  const trigger = () => {
    timer = undefined;
    deps.scheduler.triggerTask('refresh').catch((error: unknown) => {
      if (!(error instanceof ConflictError))
        deps.logger.warn(`docs refresh could not be triggered: ${(error as Error).message}`);
    });
  };
  const unsubscribe = await deps.events.subscribe({
    id: 'techdocs-follow-catalog',
    topics: [CATALOG_EVENT_TOPICS.entityUpserted],
    onEvent() {
      timer ??= setTimeout(trigger, FOLLOW_CATALOG_DEBOUNCE_MS);
    },
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
