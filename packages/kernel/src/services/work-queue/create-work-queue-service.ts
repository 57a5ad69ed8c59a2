import { ConflictError } from '@atrium/errors';
import type { EventsService } from '../events/events-service.js';
import type { LifecycleService } from '../lifecycle/lifecycle-service.js';
import type { LoggerService } from '../logger/logger-service.js';
import type { MetricsService } from '../metrics/metrics-service.js';
import { createWorkQueue } from './create-work-queue.js';
import { createWorkQueueMetrics, type WorkQueueMetrics } from './work-queue-metrics.js';
import type { WorkQueue, WorkQueueService } from './work-queue-service.js';

/**
 * Creates one plugin's work-queue service: its queues share the plugin's instruments and
 * stop when the backend shuts down.
 *
 * @example
 * const workQueue = createWorkQueueService({ pluginId: 'catalog', owner, logger, metrics, events, lifecycle });
 */
export function createWorkQueueService(options: {
  pluginId: string;
  owner: string;
  logger: LoggerService;
  metrics: MetricsService;
  events?: EventsService;
  lifecycle: LifecycleService;
}): WorkQueueService {
  let instruments: WorkQueueMetrics | undefined;
  const queues = new Map<string, WorkQueue>();
  options.lifecycle.addShutdownHook(
    async () => {
      await Promise.all([...queues.values()].map((queue) => queue.stop()));
    },
    { label: 'stop work queues' },
  );
  return {
    create(definition) {
      if (queues.has(definition.name))
        throw new ConflictError(
          `plugin '${options.pluginId}' already has a work queue named '${definition.name}'; give each queue its own name`,
        );
      instruments ??= createWorkQueueMetrics(options.metrics);
      const queue = createWorkQueue(definition, {
        owner: options.owner,
        logger: options.logger,
        metrics: instruments,
        events: options.events && {
          bus: options.events,
          topic: `atrium.work-queue.${options.pluginId}.${definition.name}`,
        },
      });
      queues.set(definition.name, queue);
      return queue;
    },
  };
}
