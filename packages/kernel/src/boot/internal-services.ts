import type { Kysely } from 'kysely';
import { defineServiceFactory } from '../definitions/service-factory.js';
import { defineServiceRef, type ServiceRef } from '../definitions/service-ref.js';
import { type AuditHub, createAuditHub } from '../services/auditor/create-auditor.js';
import type { Authenticator } from '../services/auth/authenticator.js';
import type { AuthKeysTable } from '../services/auth/token-keys.js';
import type { TokenSigner } from '../services/auth/tokens.js';
import type { AuthSessionsTable, UserSessions } from '../services/auth/user-sessions.js';
import type { CacheStore } from '../services/cache/cache-service.js';
import { createMemoryCacheStore } from '../services/cache/memory-cache-store.js';
import { coreServices } from '../services/core-services.js';
import { createDatabaseManager, type DatabaseManager } from '../services/database/create-database-manager.js';
import { connectEventBus } from '../services/events/connect-event-bus.js';
import type { EventsService } from '../services/events/events-service.js';
import type { EventPayloadsTable } from '../services/events/postgres-event-transport.js';
import type { RootHealth } from '../services/health/health-service.js';
import { createHttpServer, type HttpServer } from '../services/http/create-http-server.js';
import type { PluginRouter } from '../services/http/create-plugin-router.js';
import type { BackendConfig } from '../services/http/http-config.js';
import type { RootLifecycle } from '../services/lifecycle/lifecycle-service.js';
import type { RootMetrics } from '../services/metrics/metrics-service.js';
import {
  createResourceTypeRegistry,
  type ResourceTypeRegistry,
} from '../services/permissions/create-permissions-service.js';
import type { PluginReleases } from '../services/plugin-runtime/plugin-releases.js';
import {
  createTaskScheduler,
  type SchedulerTable,
  type TaskScheduler,
} from '../services/scheduler/create-task-scheduler.js';
import { durationToMs } from '../services/scheduler/duration.js';
import { createWorkQueueMetrics } from '../services/work-queue/work-queue-metrics.js';
import type { DeclaredFileRoots } from './check-config.js';
import { kernelMigrations } from './kernel-migrations.js';

/** Plugin routers and root routes collected during init, mounted by the kernel afterwards. */
export interface RouterRegistry {
  plugins: Map<string, PluginRouter>;
  root: Array<{
    prefix: string;
    register: Parameters<
      import('../services/http/root-http-router-service.js').RootHttpRouterService['use']
    >[1];
  }>;
}

/** The backend's one audit hub: every plugin's auditor and every sink meet here. */
export const auditHubRef: ServiceRef<AuditHub, 'root'> = defineServiceRef({
  id: 'kernel.auditHub',
  scope: 'root',
  defaultFactory: async () =>
    defineServiceFactory({
      service: auditHubRef,
      deps: { logger: coreServices.rootLogger, config: kernelConfigRef },
      factory: ({ logger, config }) =>
        createAuditHub(logger.child({ plugin: 'auditor' }), config.auditor.severityLogLevelMappings),
    }),
});

/** Values the kernel creates itself before any factory runs. */
export const kernelConfigRef = defineServiceRef<BackendConfig, 'root'>({
  id: 'kernel.config',
  scope: 'root',
});
export const rootHealthRef = defineServiceRef<RootHealth, 'root'>({ id: 'kernel.health', scope: 'root' });
export const rootMetricsRef = defineServiceRef<RootMetrics, 'root'>({ id: 'kernel.metrics', scope: 'root' });
export const rootLifecycleRef = defineServiceRef<RootLifecycle, 'root'>({
  id: 'kernel.lifecycle',
  scope: 'root',
});
export const routerRegistryRef = defineServiceRef<RouterRegistry, 'root'>({
  id: 'kernel.routers',
  scope: 'root',
});
export const declaredFileRootsRef = defineServiceRef<readonly DeclaredFileRoots[], 'root'>({
  id: 'kernel.fileRoots',
  scope: 'root',
});
/** What built-in plugins registered into backend-wide state, to release when a new generation takes one over. */
export const pluginReleasesRef = defineServiceRef<PluginReleases, 'root'>({
  id: 'kernel.pluginReleases',
  scope: 'root',
});
export const instanceIdRef = defineServiceRef<string, 'root'>({ id: 'kernel.instanceId', scope: 'root' });
export const permissionNamesRef = defineServiceRef<ReadonlySet<string>, 'root'>({
  id: 'kernel.permissionNames',
  scope: 'root',
});

/** Shared engines behind the per-plugin services, built by factories like any service. */
export const databaseManagerRef: ServiceRef<DatabaseManager, 'root'> = defineServiceRef({
  id: 'kernel.databases',
  scope: 'root',
  defaultFactory: async () =>
    defineServiceFactory({
      service: databaseManagerRef,
      deps: { config: kernelConfigRef, lifecycle: rootLifecycleRef },
      factory: ({ config, lifecycle }) => {
        const manager = createDatabaseManager(config.database);
        lifecycle
          .forOwner('kernel')
          .addShutdownHook(() => manager.close(), { label: 'close database connections' });
        return manager;
      },
    }),
});

/** The kernel database's tables. */
type KernelTables = AuthKeysTable & AuthSessionsTable & SchedulerTable & EventPayloadsTable;

const kernelDbRef: ServiceRef<Kysely<KernelTables>, 'root'> = defineServiceRef({
  id: 'kernel.db',
  scope: 'root',
  defaultFactory: async () =>
    defineServiceFactory({
      service: kernelDbRef,
      deps: { databases: databaseManagerRef },
      factory: async ({ databases }) => {
        await databases.migrate('kernel', kernelMigrations);
        return databases.forPlugin('kernel').getClient<KernelTables>();
      },
    }),
});

/** How often a backend reads sign-outs made on other backends sharing its database. */
const SESSION_POLL_INTERVAL_MS = 2_000;

/** The token engine shared by every plugin's auth services. */
export interface AuthEngine {
  signer: TokenSigner;
  authenticator: Authenticator;
  sessions: UserSessions;
}

export const authEngineRef: ServiceRef<AuthEngine, 'root'> = defineServiceRef({
  id: 'kernel.auth',
  scope: 'root',
  defaultFactory: async () =>
    defineServiceFactory({
      service: authEngineRef,
      deps: {
        config: kernelConfigRef,
        db: kernelDbRef,
        lifecycle: rootLifecycleRef,
        logger: coreServices.rootLogger,
      },
      // Imported on first use: a backend without HTTP plugins never loads the JWT library.
      factory: async ({ config, db, lifecycle, logger }) => {
        const [
          { createTokenKeys },
          { createTokenSigner },
          { createAuthenticator },
          { createExternalAccess },
          { createUserSessions },
        ] = await Promise.all([
          import('../services/auth/token-keys.js'),
          import('../services/auth/tokens.js'),
          import('../services/auth/authenticator.js'),
          import('../services/auth/external-access.js'),
          import('../services/auth/user-sessions.js'),
        ]);
        const sessions = createUserSessions(db);
        const signer = createTokenSigner(
          createTokenKeys(db, durationToMs(config.auth.keyLifetime)),
          sessions,
          config.baseUrl,
        );
        const timer = setInterval(() => {
          sessions.poll().catch((error: unknown) => {
            logger.warn('could not read revoked sign-in sessions; retrying', {
              error: (error as Error).message,
            });
          });
        }, SESSION_POLL_INTERVAL_MS);
        timer.unref();
        lifecycle
          .forOwner('kernel')
          .addShutdownHook(() => clearInterval(timer), { label: 'stop reading revoked sessions' });
        return {
          signer,
          sessions,
          authenticator: createAuthenticator(
            signer,
            createExternalAccess(config.auth.externalAccess),
            sessions,
          ),
        };
      },
    }),
});

export const httpServerRef: ServiceRef<HttpServer, 'root'> = defineServiceRef({
  id: 'kernel.httpServer',
  scope: 'root',
  defaultFactory: async () =>
    defineServiceFactory({
      service: httpServerRef,
      deps: {
        config: kernelConfigRef,
        logger: coreServices.rootLogger,
        health: rootHealthRef,
        metrics: rootMetricsRef,
      },
      factory: ({ config, logger, health, metrics }) =>
        createHttpServer({
          config,
          logger,
          health,
          metrics,
          includeStackInErrors: process.env.NODE_ENV === 'development',
        }),
    }),
});

export const taskSchedulerRef: ServiceRef<TaskScheduler, 'root'> = defineServiceRef({
  id: 'kernel.scheduler',
  scope: 'root',
  defaultFactory: async () =>
    defineServiceFactory({
      service: taskSchedulerRef,
      deps: {
        config: kernelConfigRef,
        db: kernelDbRef,
        logger: coreServices.rootLogger,
        instanceId: instanceIdRef,
        lifecycle: rootLifecycleRef,
        databases: databaseManagerRef,
        metrics: rootMetricsRef,
      },
      factory: ({ config, db, logger, instanceId, lifecycle, databases, metrics }) => {
        const scheduler = createTaskScheduler({
          db,
          dialect: databases.client,
          metrics: createWorkQueueMetrics(metrics.forPlugin('kernel')),
          logger: logger.child({ service: 'scheduler' }),
          instanceId,
          pollIntervalMs: durationToMs(config.scheduler.pollInterval),
        });
        lifecycle
          .forOwner('kernel')
          .addShutdownHook(() => scheduler.stop(), { label: 'stop scheduled tasks' });
        return scheduler;
      },
    }),
});

export const cacheStoreRef: ServiceRef<CacheStore, 'root'> = defineServiceRef({
  id: 'kernel.cacheStore',
  scope: 'root',
  defaultFactory: async () =>
    defineServiceFactory({
      service: cacheStoreRef,
      deps: { config: kernelConfigRef, lifecycle: rootLifecycleRef },
      factory: async ({ config, lifecycle }) => {
        const store =
          config.cache.store === 'redis' && config.cache.connection
            ? await (await import('../services/cache/redis-cache-store.js')).createRedisCacheStore(
                config.cache.connection,
              )
            : createMemoryCacheStore();
        lifecycle.forOwner('kernel').addShutdownHook(() => store.close(), { label: 'close cache' });
        return store;
      },
    }),
});

export const eventBusRef: ServiceRef<EventsService, 'root'> = defineServiceRef({
  id: 'kernel.eventBus',
  scope: 'root',
  defaultFactory: async () =>
    defineServiceFactory({
      service: eventBusRef,
      deps: {
        config: kernelConfigRef,
        logger: coreServices.rootLogger,
        instanceId: instanceIdRef,
        lifecycle: rootLifecycleRef,
        databases: databaseManagerRef,
        kernelDb: kernelDbRef,
      },
      factory: async ({ config, logger, instanceId, lifecycle, databases, kernelDb }) => {
        const { bus, close } = await connectEventBus({
          config,
          logger: logger.child({ service: 'events' }),
          instanceId,
          kernelDb,
          kernelSchema: databases.schemaFor('kernel'),
        });
        lifecycle.forOwner('kernel').addShutdownHook(close, { label: 'stop receiving events' });
        return bus;
      },
    }),
});

export const resourceRegistryRef: ServiceRef<ResourceTypeRegistry, 'root'> = defineServiceRef({
  id: 'kernel.resourceTypes',
  scope: 'root',
  defaultFactory: async () =>
    defineServiceFactory({
      service: resourceRegistryRef,
      deps: {},
      factory: () => createResourceTypeRegistry(),
    }),
});
