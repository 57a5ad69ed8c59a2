import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus instruments for one plugin; names are prefixed `atrium_<plugin>_`. */
export interface MetricsService {
  counter(name: string, help: string, labelNames?: string[]): Counter<string>;
  gauge(name: string, help: string, labelNames?: string[]): Gauge<string>;
  histogram(name: string, help: string, labelNames?: string[], buckets?: number[]): Histogram<string>;
}

/** The backend's registry, served at `/metrics`. */
export interface RootMetrics {
  readonly registry: Registry;
  forPlugin(pluginId: string): MetricsService;
}

/**
 * Creates the metrics registry with Node's default process metrics.
 *
 * @example
 * const metrics = createRootMetrics();
 * metrics.forPlugin('catalog').counter('entities_processed_total', 'Entities processed').inc();
 */
export function createRootMetrics(): RootMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'atrium_' });
  const metric = (pluginId: string, name: string) => `atrium_${pluginId.replace(/-/g, '_')}_${name}`;
  // A runtime plugin's next generation asks for the same instruments again: it gets the
  // registered one (same type), so its series continue instead of failing to register.
  const reuse = <T>(name: string, type: new (...args: never[]) => T, create: () => T): T => {
    const existing = registry.getSingleMetric(name);
    return existing instanceof type ? existing : create();
  };
  return {
    registry,
    forPlugin: (pluginId) => ({
      counter: (name, help, labelNames = []) => {
        const full = metric(pluginId, name);
        return reuse(
          full,
          Counter,
          () => new Counter({ name: full, help, labelNames, registers: [registry] }),
        );
      },
      gauge: (name, help, labelNames = []) => {
        const full = metric(pluginId, name);
        return reuse(full, Gauge, () => new Gauge({ name: full, help, labelNames, registers: [registry] }));
      },
      // prom-client reads an explicit `buckets: undefined` as no buckets: pass it only when given.
      histogram: (name, help, labelNames = [], buckets) => {
        const full = metric(pluginId, name);
        return reuse(
          full,
          Histogram,
          () =>
            new Histogram({
              name: full,
              help,
              labelNames,
              ...(buckets ? { buckets } : {}),
              registers: [registry],
            }),
        );
      },
    }),
  };
}
