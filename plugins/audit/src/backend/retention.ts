import type { LoggerService, SchedulerService } from '@atrium/kernel';
import { durationToMs } from '@atrium/kernel';
import type { AuditConfig } from './config.js';
import type { AuditStore } from './store/audit-store.js';

const DAY_MS = 86_400_000;

/** Deletes events older than the retention; returns how many went. */
export async function runRetentionPass(store: AuditStore, days: number, now = Date.now()): Promise<number> {
  if (days === 0) return 0;
  return store.deleteBefore(now - days * DAY_MS);
}

/** Schedules the retention pass: one run at a time across the backends sharing the database. */
export async function scheduleRetention(options: {
  scheduler: SchedulerService;
  store: AuditStore;
  config: AuditConfig['retention'];
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, store, config, logger } = options;
  if (config.days === 0) return;
  const frequencyMs = durationToMs(config.frequency);
  await scheduler.scheduleTask({
    id: 'retention',
    frequency: { milliseconds: frequencyMs },
    timeout: { milliseconds: Math.min(Math.max(frequencyMs, 60_000), 3_600_000) },
    fn: async () => {
      const deleted = await runRetentionPass(store, config.days);
      if (deleted > 0) logger.info(`deleted ${deleted} audit event(s) older than ${config.days} days`);
    },
  });
}
