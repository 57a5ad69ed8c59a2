import { startMetricsListener } from '../services/metrics/serve-metrics.js';
import type { BootRuntime } from './boot-runtime.js';
import type { InitializedFeatures } from './init-features.js';
import { kernelErrors } from './kernel-errors.js';
import type { ResolvedServices } from './resolve-services.js';
import { runHooks } from './run-hooks.js';
import type { ValidatedInputs } from './validate-inputs.js';

/**
 * Boot phase 6: runs the plugins' start hooks, then opens the port (and the separate
 * metrics port, if configured) and reports ready. Shutdown stops accepting first.
 */
export async function listenBackend(
  validated: ValidatedInputs,
  { metrics }: ResolvedServices,
  { server }: InitializedFeatures,
  runtime: BootRuntime,
): Promise<{ url: string; port: number }> {
  const { lifecycle } = runtime;
  const { logger } = validated;
  const startupFailures = await runHooks(lifecycle.startupHooks, runtime.shutdownTimeoutMs, logger);
  if (startupFailures.length > 0) throw kernelErrors.startupFailed(startupFailures);

  const address = await server.listen();
  const kernel = lifecycle.forOwner('kernel');
  kernel.addShutdownHook(() => server.close(), { label: 'stop accepting and drain requests' });
  const metricsListen = validated.backend.metrics.listen;
  if (metricsListen) {
    const listener = await startMetricsListener({ ...metricsListen, registry: metrics.registry, logger });
    kernel.addShutdownHook(() => listener.close(), { label: 'stop the metrics listener' });
  }
  runtime.health.setStatus('ready');
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return { url: `http://${host}:${address.port}`, port: address.port };
}
