import { ConflictError } from '@atrium/errors';
import type { EventsService } from '../events/events-service.js';
import type { LoggerService } from '../logger/logger-service.js';
import type { SchedulerService } from './scheduler-service.js';

/** What {@link triggerOnEvents} needs. */
export interface TriggerOnEventsOptions {
  events: EventsService;
  scheduler: SchedulerService;
  logger: LoggerService;
  /** The subscriber id (unique within the plugin). */
  id: string;
  topics: string[];
  /** The scheduled task to run. */
  taskId: string;
  /** Events come in bursts: one run per burst, this long after its first event. */
  debounceMs: number;
}

/**
 * Runs a scheduled task soon after events of `topics`, once per burst, so a change reaches
 * the task's work without waiting for its frequency. A task that is running (here or on
 * another backend) may have read its input before the change: the trigger is tried again
 * one debounce later until it lands, so no burst is lost.
 *
 * @example
 * const stop = await triggerOnEvents({ ...deps, id: 'follow-catalog', topics: ['catalog.entity.upserted'], taskId: 'refresh', debounceMs: 2000 });
 */
export async function triggerOnEvents(options: TriggerOnEventsOptions): Promise<() => void> {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    if (!stopped) timer ??= setTimeout(trigger, options.debounceMs);
  };
  const trigger = () => {
    timer = undefined;
    options.scheduler.triggerTask(options.taskId).catch((error: unknown) => {
      if (error instanceof ConflictError) arm();
      else
        options.logger.warn(`task '${options.taskId}' could not be triggered: ${(error as Error).message}`);
    });
  };
  const unsubscribe = await options.events.subscribe({
    id: options.id,
    topics: options.topics,
    onEvent: arm,
  });
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
