import type { Registry } from 'prom-client';

const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  labels: { plugin: string; method: string; status: string };
  counts: Float64Array;
  sum: number;
  count: number;
}

/** Records one request's duration; `key` identifies its label set. */
export type RecordDuration = (key: string, labels: Series['labels'], seconds: number) => void;

/**
 * The HTTP request duration histogram. prom-client's own histogram hashes and validates
 * labels on every observation, which showed up as ~8 % of a small request's CPU; this
 * one keeps plain arrays per label set and formats them only when /metrics is scraped.
 */
export function registerRequestDurationMetric(registry: Registry): RecordDuration {
  const name = 'atrium_http_request_duration_seconds';
  const series = new Map<string, Series>();
  registry.registerMetric({
    name,
    help: 'HTTP request duration by plugin, method and status',
    type: 'histogram',
    aggregator: 'sum',
    reset: () => series.clear(),
    get: async () => ({
      name,
      help: 'HTTP request duration by plugin, method and status',
      type: 'histogram',
      aggregator: 'sum',
      values: [...series.values()].flatMap((s) => {
        let cumulative = 0;
        const buckets = BUCKETS.map((le, i) => {
          cumulative += s.counts[i] ?? 0;
          return { metricName: `${name}_bucket`, labels: { ...s.labels, le }, value: cumulative };
        });
        return [
          ...buckets,
          { metricName: `${name}_bucket`, labels: { ...s.labels, le: '+Inf' }, value: s.count },
          { metricName: `${name}_sum`, labels: s.labels, value: s.sum },
          { metricName: `${name}_count`, labels: s.labels, value: s.count },
        ];
      }),
    }),
  } as unknown as Parameters<Registry['registerMetric']>[0]);
  return (key, labels, seconds) => {
    let s = series.get(key);
    if (!s) {
      s = { labels, counts: new Float64Array(BUCKETS.length), sum: 0, count: 0 };
      series.set(key, s);
    }
    const index = BUCKETS.findIndex((le) => seconds <= le);
    if (index >= 0) s.counts[index] = (s.counts[index] ?? 0) + 1;
    s.sum += seconds;
    s.count++;
  };
}
