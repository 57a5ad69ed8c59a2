import type { Duration } from './duration.js';

/** How often a task runs. */
export type TaskFrequency = { cron: string } | Duration | { trigger: 'manual' } | { trigger: 'once' };

/** A task to schedule. */
export interface TaskDefinition {
  /** Unique within the plugin; stored as `<pluginId>.<id>`. */
  id: string;
  frequency: TaskFrequency;
  /** The lease length: a holder that crashes is replaced after this long. */
  timeout: Duration;
  initialDelay?: Duration;
  /** `global` (default): one run at a time across all backends sharing the database. */
  scope?: 'global' | 'local';
  fn(signal: AbortSignal): Promise<void>;
}

/** A task as the scheduler reports it. */
export interface ScheduledTaskInfo {
  id: string;
  scope: 'global' | 'local';
  nextRunAt?: Date;
  lastRunAt?: Date;
  lastError?: string;
}

/** Recurring and one-off background work, leased through the database. */
export interface SchedulerService {
  scheduleTask(task: TaskDefinition): Promise<void>;
  /** Runs a task as soon as possible (409 when it is running now). */
  triggerTask(id: string): Promise<void>;
  getScheduledTasks(): Promise<ScheduledTaskInfo[]>;
}
