import { AtriumError } from '@atrium/errors';
import type { BackendFeatureInput } from '../definitions/feature.js';
import type { ServiceFactory } from '../definitions/service-factory.js';
import { kernelErrorCodes } from '../kernel-error-codes.js';
import type { JsonObject } from '../services/config/config-reader.js';
import { loadConfig } from '../services/config/load-config.js';
import { createRootHealth } from '../services/health/health-service.js';
import { createRootLifecycle } from '../services/lifecycle/lifecycle-service.js';
import { createRootLogger, type LoggerService } from '../services/logger/logger-service.js';
import { createRootMetrics } from '../services/metrics/metrics-service.js';
import { registerMetricsRoute, startMetricsListener } from '../services/metrics/serve-metrics.js';
import { durationToMs } from '../services/scheduler/duration.js';
import { checkConfig } from './check-config.js';
import { checkModules, collectFeatures } from './collect-features.js';
import { initPlugins } from './init-plugins.js';
import { authEngineRef, databaseManagerRef, httpServerRef, routerRegistryRef } from './internal-services.js';
import { kernelErrors } from './kernel-errors.js';
import { runHooks } from './run-hooks.js';
import { ServiceContainer } from './service-container.js';
import { resolveServiceGraph } from './service-graph.js';
import { createValueFactories } from './value-factories.js';

/** Options for {@link createBackend}. */
export interface BackendOptions {
  /** Config files (`--config`); default: app-config.yaml and app-config.local.yaml in `rootDir`. */
  configPaths?: readonly string[];
  rootDir?: string;
  /** Config merged over the files (tests, embedding). */
  config?: JsonObject;
  env?: Record<string, string | undefined>;
  logger?: LoggerService;
}

/** A backend: add features, then start it. */
export interface Backend {
  add(feature: BackendFeatureInput): void;
  /** Boots every feature and listens; fails with one AtriumError listing every problem. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops accepting, drains requests, runs shutdown hooks in reverse and closes pools. */
  stop(): Promise<void>;
}

/**
 * Creates a backend.
 *
 * @example
 * const backend = createBackend();
 * backend.add(import('@atrium/catalog/backend'));
 * await backend.start();
 */
export function createBackend(options: BackendOptions = {}): Backend {
  const inputs: BackendFeatureInput[] = [];
  const lifecycle = createRootLifecycle();
  const health = createRootHealth();
  let logger: LoggerService | undefined = options.logger;
  let stopping: Promise<void> | undefined;
  let started = false;
  let shutdownTimeoutMs = 20_000;

  async function shutdown() {
    health.setStatus('stopping');
    await runHooks(
      [...lifecycle.shutdownHooks].reverse(),
      shutdownTimeoutMs,
      logger ?? (await createRootLogger()),
    );
  }

  async function boot() {
    const t0 = performance.now();
    const { plugins, modules, factories, problems } = await collectFeatures(inputs);
    const { reader, data } = loadConfig({
      configPaths: options.configPaths,
      rootDir: options.rootDir,
      env: options.env,
      extra: options.config,
    });
    // Config is checked before the logger exists: an invalid backend.logLevel is reported
    // like any other key, not thrown by the logger.
    const checked = checkConfig(data, plugins, modules);
    logger ??= await createRootLogger({ level: checked.backend?.logLevel ?? process.env.LOG_LEVEL });
    problems.push(...checkModules(plugins, modules));
    if (checked.problems.length > 0) problems.push(kernelErrors.configInvalid(checked.problems));
    if (!checked.backend) throw kernelErrors.startupFailed(problems);
    shutdownTimeoutMs = durationToMs(checked.backend.shutdown.timeout);

    const state = {
      config: reader,
      backendConfig: checked.backend,
      logger,
      lifecycle,
      health,
      metrics: createRootMetrics(),
      plugins,
      modules,
      environment: (options.env ?? process.env).NODE_ENV ?? 'development',
      fileRoots: checked.fileRoots,
    };
    const explicit = new Map<string, ServiceFactory<unknown>>([...createValueFactories(state), ...factories]);
    const dependants = [
      ...plugins.map((p) => ({ label: `plugin '${p.id}'`, deps: p.deps })),
      ...modules.map((m) => ({ label: `module '${m.fullId}'`, deps: m.deps })),
      {
        label: 'the kernel',
        deps: {
          server: httpServerRef,
          databases: databaseManagerRef,
          routers: routerRegistryRef,
          auth: authEngineRef,
        },
      },
    ];
    const graph = await resolveServiceGraph(dependants, explicit);
    problems.push(...graph.problems);
    if (problems.length > 0) throw kernelErrors.startupFailed(problems);

    const container = new ServiceContainer(graph.factories);
    const server = await container.get(httpServerRef, 'kernel');
    const databases = await container.get(databaseManagerRef, 'kernel');
    const routers = await container.get(routerRegistryRef, 'kernel');
    const init = await initPlugins(plugins, modules, {
      container,
      databases,
      config: checked.byFeature,
      logger,
      initTimeoutMs: durationToMs(checked.backend.startup.timeout),
    });
    const errors: AtriumError[] = [...init.errors];
    for (const { plugin } of init.started) {
      try {
        routers.plugins.get(plugin.id)?.assertComplete();
      } catch (error) {
        errors.push(error as AtriumError);
      }
    }
    if (errors.length > 0) throw kernelErrors.startupFailed(errors);

    for (const { plugin, hooks } of init.started) {
      if (hooks.start)
        lifecycle.startupHooks.push({ owner: plugin.id, label: 'plugin start', run: hooks.start });
      if (hooks.stop) lifecycle.forOwner(plugin.id).addShutdownHook(hooks.stop, { label: 'plugin stop' });
    }
    for (const router of routers.plugins.values())
      await router.mount(server.fastify, {
        externalBaseUrl: checked.backend.baseUrl,
        durationHook: server.durationHook,
      });
    for (const { prefix, register } of routers.root)
      await server.fastify.register(
        async (instance) => {
          instance.addHook('onResponse', server.durationHook('-'));
          await register(instance);
        },
        { prefix },
      );
    registerMetricsRoute(server.fastify, {
      registry: state.metrics.registry,
      authenticator: async () => (await container.get(authEngineRef, 'kernel')).authenticator,
      onResponse: server.durationHook('-'),
    });
    const startupFailures = await runHooks(lifecycle.startupHooks, shutdownTimeoutMs, logger);
    if (startupFailures.length > 0) throw kernelErrors.startupFailed(startupFailures);

    const address = await server.listen();
    lifecycle
      .forOwner('kernel')
      .addShutdownHook(() => server.close(), { label: 'stop accepting and drain requests' });
    const metricsListen = checked.backend.metrics.listen;
    if (metricsListen) {
      const listener = await startMetricsListener({
        ...metricsListen,
        registry: state.metrics.registry,
        logger,
      });
      lifecycle
        .forOwner('kernel')
        .addShutdownHook(() => listener.close(), { label: 'stop the metrics listener' });
    }
    health.setStatus('ready');
    const url = `http://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
    logger.debug('boot tree', {
      plugins: init.started.map((s) => ({
        id: s.plugin.id,
        initMs: Math.round(s.initMs),
        modules: modules.filter((m) => m.plugin === s.plugin.id).map((m) => m.id),
      })),
      totalMs: Math.round(performance.now() - t0),
    });
    logger.info(`Atrium listening on ${url} with ${plugins.length} plugin(s)`, {
      plugins: plugins.map((p) => p.id),
    });
    return { url, port: address.port };
  }

  return {
    add(feature) {
      if (started) {
        throw new AtriumError(
          kernelErrorCodes.KERNEL_BACKEND_STARTED,
          'backend.add() was called after backend.start(); add every feature before starting the backend',
        );
      }
      inputs.push(feature);
    },
    async start() {
      if (started) {
        throw new AtriumError(
          kernelErrorCodes.KERNEL_BACKEND_STARTED,
          'backend.start() was called twice; start a backend once (stop() it and create a new one to restart)',
        );
      }
      started = true;
      try {
        return await boot();
      } catch (error) {
        await shutdown().catch(() => undefined);
        throw error;
      }
    },
    stop() {
      stopping ??= shutdown();
      return stopping;
    },
  };
}
