import type { EventsService, LoggerService, SchedulerService } from '@atrium/kernel';
import type { SearchCollator } from '../collators/search-collator.js';
import type { SearchEngine } from '../engines/search-engine.js';
import type { SearchConfig } from '../search-config.js';
import { rebuildType } from './rebuild-type.js';

interface IndexingDeps {
  engine: SearchEngine;
  collators: readonly SearchCollator[];
  scheduler: SchedulerService;
  events: EventsService;
  logger: LoggerService;
  config: SearchConfig;
}

/** The scheduler task id of a type's full rebuild (`search.rebuild-<type>`). */
export function rebuildTaskId(type: string): string {
  return `rebuild-${type}`;
}

async function subscribe(collator: SearchCollator, deps: IndexingDeps): Promise<(() => void) | undefined> {
  const incremental = collator.incremental;
  if (!incremental) return undefined;
  return deps.events.subscribe({
    id: `search.${collator.type}`,
    topics: incremental.topics,
    async onEvent(event) {
      // Every backend gets the event and writes the same rows: replacing is idempotent.
      for (const change of await incremental.documentsFor(event)) {
        await deps.engine.replaceResource(collator.type, change.resourceRef, change.documents);
      }
    },
  });
}

/**
 * Schedules each type's full rebuild (one run at a time across backends, healing drift)
 * and subscribes to its change events; answers a function that unsubscribes.
 */
export async function startIndexing(deps: IndexingDeps): Promise<() => void> {
  const unsubscribes: Array<() => void> = [];
  for (const collator of deps.collators) {
    await deps.scheduler.scheduleTask({
      id: rebuildTaskId(collator.type),
      frequency: deps.config.schedule.frequency,
      initialDelay: deps.config.schedule.initialDelay,
      timeout: deps.config.schedule.timeout,
      fn: async (signal) => {
        await rebuildType(collator, deps.engine, deps.logger, signal);
      },
    });
    const unsubscribe = await subscribe(collator, deps);
    if (unsubscribe) unsubscribes.push(unsubscribe);
  }
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
