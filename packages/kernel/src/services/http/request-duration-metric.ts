import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';

const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  labels: { plugin: string; method: string; status: string };
  counts: Float64Array;
  sum: number;
  count: number;
}

/** Fastify's onResponse hook shape, in callback style. */
export type DurationHook = (request: FastifyRequest, reply: FastifyReply, done: () => void) => void;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/**
 * The HTTP request duration histogram. prom-client's own histogram hashes and validates
 * labels on every observation, which showed up as ~8 % of a small request's CPU; this
 * one keeps plain arrays per label set and formats them only when /metrics is scraped.
 * Each plugin context gets its own hook with its label fixed, so a request never reads
 * Fastify's `routeOptions` (a getter that builds an object per call).
 */
export function registerRequestDurationMetric(registry: Registry): (plugin: string) => DurationHook {
  const name = 'atrium_http_request_duration_seconds';
  const all: Series[] = [];
  registry.registerMetric({
    name,
    help: 'HTTP request duration by plugin, method and status',
    type: 'histogram',
    aggregator: 'sum',
    reset: () => {
      for (const s of all) {
        s.counts.fill(0);
        s.sum = 0;
        s.count = 0;
      }
    },
    get: async () => ({
      name,
      help: 'HTTP request duration by plugin, method and status',
      type: 'histogram',
      aggregator: 'sum',
      values: all.flatMap((s) => {
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

  // One hook per plugin label: a runtime plugin's every generation adds to the same series
  // (a second set with the same labels would be a duplicate series on /metrics).
  const hooks = new Map<string, DurationHook>();
  return (plugin) => {
    const existing = hooks.get(plugin);
    if (existing) return existing;
    // Numeric keys (status * 8 + method index): no string is built per request.
    const series = new Map<number, Series>();
    const hook: DurationHook = (request, reply, done) => {
      const methodIndex = METHODS.indexOf(request.method);
      const key = reply.statusCode * 8 + (methodIndex < 0 ? 7 : methodIndex);
      let s = series.get(key);
      if (!s) {
        s = {
          labels: { plugin, method: request.method, status: String(reply.statusCode) },
          counts: new Float64Array(BUCKETS.length),
          sum: 0,
          count: 0,
        };
        series.set(key, s);
        all.push(s);
      }
      const seconds = reply.elapsedTime / 1000;
      let index = 0;
      while (index < BUCKETS.length && seconds > (BUCKETS[index] as number)) index++;
      if (index < BUCKETS.length) s.counts[index] = (s.counts[index] ?? 0) + 1;
      s.sum += seconds;
      s.count++;
      done();
    };
    hooks.set(plugin, hook);
    return hook;
  };
}
