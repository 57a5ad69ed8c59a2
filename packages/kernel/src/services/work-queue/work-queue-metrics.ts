import type { Counter, Gauge, Histogram } from 'prom-client';
import type { MetricsService } from '../metrics/metrics-service.js';

/** The instruments every queue of one plugin shares, labelled by `queue`. */
export interface WorkQueueMetrics {
  depth: Gauge<string>;
  processed: Counter<string>;
  failed: Counter<string>;
  leaseExpiries: Counter<string>;
  duration: Histogram<string>;
}

/**
 * Creates the work-queue instruments through the plugin's metrics service (once per
 * plugin: a Prometheus name can be registered only once).
 *
 * @example
 * const metrics = createWorkQueueMetrics(metricsService);
 * metrics.processed.inc({ queue: 'tasks' });
 */
export function createWorkQueueMetrics(metrics: MetricsService): WorkQueueMetrics {
  const labels = ['queue'];
  return {
    depth: metrics.gauge('work_queue_depth', 'Items due and not yet claimed, per queue', labels),
    processed: metrics.counter('work_items_processed_total', 'Items processed successfully', labels),
    failed: metrics.counter('work_items_failed_total', 'Item attempts that failed', labels),
    leaseExpiries: metrics.counter(
      'work_lease_expiries_total',
      'Leases that ran out before their holder finished (crashed or stalled workers)',
      labels,
    ),
    duration: metrics.histogram(
      'work_item_duration_seconds',
      'Time to handle one item or batch',
      labels,
      // From a catalog entity (milliseconds) to a scaffolder task (minutes).
      [0.005, 0.025, 0.1, 0.5, 2, 10, 60, 300, 1800],
    ),
  };
}
