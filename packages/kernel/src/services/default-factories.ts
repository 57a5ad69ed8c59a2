import {
  auditHubRef,
  authEngineRef,
  cacheStoreRef,
  databaseManagerRef,
  declaredFileRootsRef,
  eventBusRef,
  httpServerRef,
  instanceIdRef,
  kernelConfigRef,
  permissionNamesRef,
  pluginReleasesRef,
  resourceRegistryRef,
  rootHealthRef,
  rootLifecycleRef,
  rootMetricsRef,
  routerRegistryRef,
  taskSchedulerRef,
} from '../boot/internal-services.js';
import { defineServiceFactory } from '../definitions/service-factory.js';
import { createAuthService } from './auth/auth-service.js';
import { createHttpAuthService } from './auth/http-auth-service.js';
import { createUserInfoService } from './auth/user-info-service.js';
import { createUserTokensService } from './auth/user-tokens-service.js';
import { createCacheService } from './cache/cache-service.js';
import { coreServices } from './core-services.js';
import { sqliteDataDirectories } from './database/database-config.js';
import { createDiscovery } from './discovery/discovery-service.js';
import { createPluginRouter } from './http/create-plugin-router.js';
import {
  createAllowSignedInPolicy,
  createPermissionsService,
} from './permissions/create-permissions-service.js';
import { createUrlReader } from './url-reader/create-url-reader.js';
import { createWorkQueueService } from './work-queue/create-work-queue-service.js';

/** Default factories of the core services; each can be replaced with backend.add(...). */
export const loggerFactory = defineServiceFactory({
  service: coreServices.logger,
  deps: { root: coreServices.rootLogger, meta: coreServices.pluginMetadata },
  factory: ({ root, meta }) => root.child({ plugin: meta.getId() }),
});

export const lifecycleFactory = defineServiceFactory({
  service: coreServices.lifecycle,
  deps: { root: rootLifecycleRef, meta: coreServices.pluginMetadata },
  factory: ({ root, meta }) => root.forOwner(meta.getId()),
});

export const rootHttpRouterFactory = defineServiceFactory({
  service: coreServices.rootHttpRouter,
  deps: { routers: routerRegistryRef },
  factory: ({ routers }) => ({ use: (prefix, register) => routers.root.push({ prefix, register }) }),
});

export const httpRouterFactory = defineServiceFactory({
  service: coreServices.httpRouter,
  deps: {
    routers: routerRegistryRef,
    auth: authEngineRef,
    meta: coreServices.pluginMetadata,
    instance: coreServices.instanceMetadata,
  },
  factory: ({ routers, auth, meta, instance }) => {
    const pluginId = meta.getId();
    const apis = instance.getInstalledPlugins().find((p) => p.id === pluginId)?.apis ?? [];
    const router = createPluginRouter(pluginId, apis, auth.authenticator);
    routers.plugins.set(pluginId, router);
    return router.service;
  },
});

export const databaseFactory = defineServiceFactory({
  service: coreServices.database,
  deps: { databases: databaseManagerRef, meta: coreServices.pluginMetadata },
  factory: ({ databases, meta }) => databases.forPlugin(meta.getId()),
});

export const authFactory = defineServiceFactory({
  service: coreServices.auth,
  deps: { engine: authEngineRef, meta: coreServices.pluginMetadata },
  factory: ({ engine, meta }) => createAuthService(meta.getId(), engine.authenticator, engine.signer),
});

export const httpAuthFactory = defineServiceFactory({
  service: coreServices.httpAuth,
  deps: { engine: authEngineRef, meta: coreServices.pluginMetadata },
  factory: ({ engine, meta }) => createHttpAuthService(engine.authenticator, meta.getId()),
});

export const userInfoFactory = defineServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => createUserInfoService(),
});

export const userTokensFactory = defineServiceFactory({
  service: coreServices.userTokens,
  deps: { engine: authEngineRef },
  factory: ({ engine }) => createUserTokensService(engine.signer, engine.sessions),
});

export const permissionPolicyFactory = defineServiceFactory({
  service: coreServices.permissionPolicy,
  deps: {},
  factory: () => createAllowSignedInPolicy(),
});

export const permissionsFactory = defineServiceFactory({
  service: coreServices.permissions,
  deps: { policy: coreServices.permissionPolicy, registry: resourceRegistryRef, names: permissionNamesRef },
  factory: ({ policy, registry, names }) => createPermissionsService(policy, registry, names),
});

export const permissionsRegistryFactory = defineServiceFactory({
  service: coreServices.permissionsRegistry,
  deps: { registry: resourceRegistryRef, meta: coreServices.pluginMetadata },
  factory: ({ registry, meta }) => registry.forPlugin(meta.getId()),
});

export const schedulerFactory = defineServiceFactory({
  service: coreServices.scheduler,
  deps: { scheduler: taskSchedulerRef, meta: coreServices.pluginMetadata, releases: pluginReleasesRef },
  factory: ({ scheduler, meta, releases }) => {
    const pluginId = meta.getId();
    const view = scheduler.forPlugin(pluginId);
    return {
      ...view,
      async scheduleTask(definition) {
        releases.track(pluginId, () => scheduler.unschedule(pluginId, definition));
        await view.scheduleTask(definition);
      },
    };
  },
});

export const cacheFactory = defineServiceFactory({
  service: coreServices.cache,
  deps: { store: cacheStoreRef, meta: coreServices.pluginMetadata },
  factory: ({ store, meta }) => createCacheService(store, meta.getId()),
});

export const eventsFactory = defineServiceFactory({
  service: coreServices.events,
  deps: { bus: eventBusRef, meta: coreServices.pluginMetadata, releases: pluginReleasesRef },
  factory: ({ bus, meta, releases }) => ({
    publish: (params) => bus.publish(params),
    async subscribe(options) {
      const unsubscribe = await bus.subscribe(options);
      releases.track(meta.getId(), unsubscribe);
      return unsubscribe;
    },
  }),
});

export const urlReaderFactory = defineServiceFactory({
  service: coreServices.urlReader,
  deps: { config: kernelConfigRef, rootConfig: coreServices.rootConfig, fileRoots: declaredFileRootsRef },
  createRootContext: ({ config, rootConfig, fileRoots }) =>
    createUrlReader(config.reading, {
      roots: fileRoots,
      databaseDirectories: sqliteDataDirectories(config.database),
      configFiles: rootConfig.sources,
    }),
  factory: (_deps, reader) => reader,
});

export const discoveryFactory = defineServiceFactory({
  service: coreServices.discovery,
  deps: { config: kernelConfigRef, server: httpServerRef },
  createRootContext: ({ config, server }) =>
    createDiscovery(() => {
      const address = server.fastify.server.address();
      const port = typeof address === 'object' && address ? address.port : config.listen.port;
      const host =
        config.listen.host === '0.0.0.0' || config.listen.host === '::' ? '127.0.0.1' : config.listen.host;
      return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    }, config.baseUrl),
  factory: (_deps, discovery) => discovery,
});

export const healthFactory = defineServiceFactory({
  service: coreServices.health,
  deps: { health: rootHealthRef },
  factory: ({ health }) => health,
});

export const metricsFactory = defineServiceFactory({
  service: coreServices.metrics,
  deps: { metrics: rootMetricsRef, meta: coreServices.pluginMetadata },
  factory: ({ metrics, meta }) => metrics.forPlugin(meta.getId()),
});

export const workQueueFactory = defineServiceFactory({
  service: coreServices.workQueue,
  deps: {
    meta: coreServices.pluginMetadata,
    instanceId: instanceIdRef,
    logger: coreServices.logger,
    metrics: coreServices.metrics,
    events: coreServices.events,
    lifecycle: coreServices.lifecycle,
  },
  factory: ({ meta, instanceId, logger, metrics, events, lifecycle }) =>
    createWorkQueueService({ pluginId: meta.getId(), owner: instanceId, logger, metrics, events, lifecycle }),
});

export const auditorFactory = defineServiceFactory({
  service: coreServices.auditor,
  deps: { hub: auditHubRef, meta: coreServices.pluginMetadata },
  factory: ({ hub, meta }) => hub.forPlugin(meta.getId()),
});

export const auditSinksFactory = defineServiceFactory({
  service: coreServices.auditSinks,
  deps: { hub: auditHubRef },
  factory: ({ hub }) => ({ add: (sink) => hub.add(sink) }),
});
