import type { DatabaseService, LoggerService, SchedulerService, WorkQueueService } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import type { TechDocsConfig } from './config.js';
import { runBuild } from './run-build.js';
import type { TechDocsTables } from './store/tables.js';
import type { TechDocsContext } from './techdocs-context.js';

/**
 * The build queue (the kernel's work queue over `techdocs_sites`: one row per site, leased,
 * retried, resumable after a crash) and the scheduled task that makes every documented
 * entity's build due, so new and changed docs are built without a visit.
 */
export function createBuildQueue(
  deps: { workQueue: WorkQueueService; database: DatabaseService },
  db: Kysely<TechDocsTables>,
  config: TechDocsConfig,
  getContext: () => TechDocsContext,
) {
  return deps.workQueue.create<{ entity_ref: string; version: string }>({
    name: 'builds',
    source: {
      db,
      dialect: deps.database.client,
      table: 'techdocs_sites',
      select: ['entity_ref', 'version'],
      columns: { lastError: 'last_error', finishedAt: 'finished_at' },
    },
    concurrency: config.buildConcurrency,
    handle: (item, signal) => runBuild(getContext(), item.data.entity_ref, item.data.version, signal),
  });
}

/** Every `refreshInterval`, makes the build of each documented entity due (cheap when nothing changed). */
export async function scheduleRefresh(
  deps: { scheduler: SchedulerService; logger: LoggerService },
  config: TechDocsConfig,
  ctx: TechDocsContext,
): Promise<void> {
  await deps.scheduler.scheduleTask({
    id: 'refresh',
    frequency: config.refreshInterval,
    timeout: { minutes: 5 },
    initialDelay: { seconds: 1 },
    async fn() {
      const entities = await ctx.catalog.documentedEntities();
      for (const entity of entities) {
        const { kind, metadata } = entity;
        await ctx.requestBuild(`${kind}:${metadata.namespace ?? 'default'}/${metadata.name}`.toLowerCase());
      }
      deps.logger.info(`docs refresh: ${entities.length} documented entities due for a build check`);
    },
  });
}
