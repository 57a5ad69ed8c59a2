import { CATALOG_EVENT_TOPICS } from '@atrium/catalog/common';
import {
  type EventsService,
  type LoggerService,
  type SchedulerService,
  triggerOnEvents,
} from '@atrium/kernel';
import type { FactCollector } from './collectors/fact-collector.js';
import type { ScorecardsConfig } from './config.js';
import type { DefinitionRegistry } from './definitions/definition-registry.js';
import { SCORECARDS_DEFINITIONS_TOPIC, type ScorecardsService } from './scorecards-service.js';

/** Catalog changes come in bursts: one catalog sync per burst, this long after its first change. */
export const FOLLOW_CATALOG_DEBOUNCE_MS = 5000;

/** The periodic full evaluation (`POST /certify_world` runs it now). */
export const EVALUATE_ALL_TASK = 'evaluate-all';

/**
 * Schedules the background work on the kernel scheduler (`global` tasks: one run at a time
 * across every backend sharing the database): the catalog sync (which evaluates what
 * changed; also run once per burst of catalog changes, so new entities are scored without
 * waiting for its frequency), each collector, and the periodic full evaluation. Other
 * backends' definition edits drop this backend's compiled definitions.
 */
export async function scheduleScorecards(deps: {
  scheduler: SchedulerService;
  events: EventsService;
  logger: LoggerService;
  service: ScorecardsService;
  registry: DefinitionRegistry;
  collectors: readonly FactCollector[];
  config: ScorecardsConfig;
}): Promise<() => void> {
  const { scheduler, service } = deps;
  await scheduler.scheduleTask({
    id: 'catalog-sync',
    frequency: deps.config.collectors.catalog.frequency,
    timeout: { minutes: 30 },
    initialDelay: { seconds: 1 },
    fn: async (signal) => {
      const count = await service.syncCatalog(signal);
      deps.logger.info(`scorecards read ${count} entities from the catalog`);
    },
  });
  for (const collector of deps.collectors.filter((candidate) => candidate.collect)) {
    await scheduler.scheduleTask({
      id: `collect-${collector.id}`,
      frequency: collector.frequency ?? { hours: 1 },
      timeout: { minutes: 30 },
      initialDelay: { seconds: 5 },
      fn: (signal) => service.runCollector(collector, signal),
    });
  }
  await scheduler.scheduleTask({
    id: EVALUATE_ALL_TASK,
    frequency: deps.config.evaluationFrequency,
    timeout: { minutes: 30 },
    initialDelay: { minutes: 1 },
    fn: async (signal) => {
      const started = performance.now();
      const count = await service.evaluateAll(signal);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      deps.logger.info(`scorecards evaluated ${count} entities in ${seconds} s`);
    },
  });
  const unfollow = await triggerOnEvents({
    ...deps,
    id: 'scorecards-follow-catalog',
    topics: [CATALOG_EVENT_TOPICS.entityUpserted, CATALOG_EVENT_TOPICS.entityDeleted],
    taskId: 'catalog-sync',
    debounceMs: FOLLOW_CATALOG_DEBOUNCE_MS,
  });
  const unsubscribe = await deps.events.subscribe({
    id: 'scorecards-definitions',
    topics: [SCORECARDS_DEFINITIONS_TOPIC],
    onEvent: () => deps.registry.invalidate(),
  });
  return () => {
    unfollow();
    unsubscribe();
  };
}
