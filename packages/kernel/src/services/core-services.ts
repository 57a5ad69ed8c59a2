import type { ServiceFactory } from '../definitions/service-factory.js';
import type { ServiceScope } from '../definitions/service-ref.js';
import { defineServiceRef } from '../definitions/service-ref.js';
import type { AuditorService, AuditSinksService } from './auditor/auditor-types.js';
import type { AuthService } from './auth/auth-service.js';
import type { HttpAuthService } from './auth/http-auth-service.js';
import type { UserInfoService } from './auth/user-info-service.js';
import type { UserTokensService } from './auth/user-tokens-service.js';
import type { CacheService } from './cache/cache-service.js';
import type { ConfigReader } from './config/config-reader.js';
import type { DatabaseService } from './database/database-service.js';
import type { DiscoveryService } from './discovery/discovery-service.js';
import type { EventsService } from './events/events-service.js';
import type { HealthService } from './health/health-service.js';
import type { HttpRouterService } from './http/http-router-service.js';
import type { RootHttpRouterService } from './http/root-http-router-service.js';
import type { LifecycleService } from './lifecycle/lifecycle-service.js';
import type { LoggerService } from './logger/logger-service.js';
import type { InstanceMetadataService, PluginMetadataService } from './metadata/metadata-service.js';
import type { MetricsService } from './metrics/metrics-service.js';
import type {
  PermissionPolicy,
  PermissionsRegistryService,
  PermissionsService,
} from './permissions/permission-types.js';
import type { PluginRuntimeService } from './plugin-runtime/plugin-runtime-service.js';
import type { SchedulerService } from './scheduler/scheduler-service.js';
import type { UrlReaderService } from './url-reader/url-reader-service.js';
import type { WorkQueueService } from './work-queue/work-queue-service.js';

// The loader's return type is spelled out: inferring it would make this module's type
// depend on default-factories.ts, which depends on this module.
function lazy<T, TScope extends ServiceScope>(name: string): () => Promise<ServiceFactory<T, TScope>> {
  return async () => {
    const factories = (await import('./default-factories.js')) as unknown as Record<
      string,
      ServiceFactory<T, TScope>
    >;
    return factories[name] as ServiceFactory<T, TScope>;
  };
}

/**
 * The refs of the services every backend provides. Any of them can be replaced by adding
 * a factory for the same ref.
 */
export const coreServices = {
  /** The merged app config (root). */
  rootConfig: defineServiceRef<ConfigReader, 'root'>({ id: 'core.rootConfig', scope: 'root' }),
  /** The root logger. */
  rootLogger: defineServiceRef<LoggerService, 'root'>({ id: 'core.rootLogger', scope: 'root' }),
  /** A logger labelled with the plugin id. */
  logger: defineServiceRef<LoggerService>({ id: 'core.logger', defaultFactory: lazy('loggerFactory') }),
  /** Backend-wide startup and shutdown hooks. */
  rootLifecycle: defineServiceRef<LifecycleService, 'root'>({ id: 'core.rootLifecycle', scope: 'root' }),
  /** Startup and shutdown hooks, attributed to the plugin. */
  lifecycle: defineServiceRef<LifecycleService>({
    id: 'core.lifecycle',
    defaultFactory: lazy('lifecycleFactory'),
  }),
  /** Routes outside `/api` (the web app). */
  rootHttpRouter: defineServiceRef<RootHttpRouterService, 'root'>({
    id: 'core.rootHttpRouter',
    scope: 'root',
    defaultFactory: lazy('rootHttpRouterFactory'),
  }),
  /** The plugin's routes under `/api/<pluginId>`. */
  httpRouter: defineServiceRef<HttpRouterService>({
    id: 'core.httpRouter',
    defaultFactory: lazy('httpRouterFactory'),
  }),
  /** The plugin's own database. */
  database: defineServiceRef<DatabaseService>({
    id: 'core.database',
    defaultFactory: lazy('databaseFactory'),
  }),
  /** Token verification and plugin-to-plugin tokens. */
  auth: defineServiceRef<AuthService>({ id: 'core.auth', defaultFactory: lazy('authFactory') }),
  /** Who is calling, from an HTTP request. */
  httpAuth: defineServiceRef<HttpAuthService>({
    id: 'core.httpAuth',
    defaultFactory: lazy('httpAuthFactory'),
  }),
  /** User entity ref and ownership of a signed-in user. */
  userInfo: defineServiceRef<UserInfoService>({
    id: 'core.userInfo',
    defaultFactory: lazy('userInfoFactory'),
  }),
  /** Issues user tokens and publishes the JWKS (for sign-in providers). */
  userTokens: defineServiceRef<UserTokensService, 'root'>({
    id: 'core.userTokens',
    scope: 'root',
    defaultFactory: lazy('userTokensFactory'),
  }),
  /** Permission checks. */
  permissions: defineServiceRef<PermissionsService>({
    id: 'core.permissions',
    defaultFactory: lazy('permissionsFactory'),
  }),
  /** Resource types and rules behind the plugin's resource permissions. */
  permissionsRegistry: defineServiceRef<PermissionsRegistryService>({
    id: 'core.permissionsRegistry',
    defaultFactory: lazy('permissionsRegistryFactory'),
  }),
  /** The backend's single permission policy. */
  permissionPolicy: defineServiceRef<PermissionPolicy, 'root'>({
    id: 'core.permissionPolicy',
    scope: 'root',
    defaultFactory: lazy('permissionPolicyFactory'),
  }),
  /** Recurring and one-off tasks, leased through the database. */
  scheduler: defineServiceRef<SchedulerService>({
    id: 'core.scheduler',
    defaultFactory: lazy('schedulerFactory'),
  }),
  /** Background work over the plugin's own table: claim, lease, heartbeat, wake, backoff, metrics. */
  workQueue: defineServiceRef<WorkQueueService>({
    id: 'core.workQueue',
    defaultFactory: lazy('workQueueFactory'),
  }),
  /** Key/value cache. */
  cache: defineServiceRef<CacheService>({ id: 'core.cache', defaultFactory: lazy('cacheFactory') }),
  /** Publish/subscribe between plugins. */
  events: defineServiceRef<EventsService>({ id: 'core.events', defaultFactory: lazy('eventsFactory') }),
  /** Reads files and URLs within the allow-lists. */
  urlReader: defineServiceRef<UrlReaderService>({
    id: 'core.urlReader',
    defaultFactory: lazy('urlReaderFactory'),
  }),
  /** Base URLs of plugins. */
  discovery: defineServiceRef<DiscoveryService>({
    id: 'core.discovery',
    defaultFactory: lazy('discoveryFactory'),
  }),
  /** Readiness checks. */
  health: defineServiceRef<HealthService, 'root'>({
    id: 'core.health',
    scope: 'root',
    defaultFactory: lazy('healthFactory'),
  }),
  /** Audit events of the plugin: printed as JSON log lines and handed to the audit sinks. */
  auditor: defineServiceRef<AuditorService>({ id: 'core.auditor', defaultFactory: lazy('auditorFactory') }),
  /** Where a plugin adds a sink that stores audit records (the audit plugin does). */
  auditSinks: defineServiceRef<AuditSinksService, 'root'>({
    id: 'core.auditSinks',
    scope: 'root',
    defaultFactory: lazy('auditSinksFactory'),
  }),
  /** Prometheus instruments. */
  metrics: defineServiceRef<MetricsService>({ id: 'core.metrics', defaultFactory: lazy('metricsFactory') }),
  /** The id of the plugin a service belongs to. */
  pluginMetadata: defineServiceRef<PluginMetadataService>({ id: 'core.pluginMetadata' }),
  /**
   * Boots, switches and stops plugins in the running backend. For the plugins manager
   * only: what it loads runs with the backend's full rights (docs/security.md).
   */
  pluginRuntime: defineServiceRef<PluginRuntimeService, 'root'>({ id: 'core.pluginRuntime', scope: 'root' }),
  /** The installed plugins and modules (built-in, and runtime ones while they serve). */
  instanceMetadata: defineServiceRef<InstanceMetadataService, 'root'>({
    id: 'core.instanceMetadata',
    scope: 'root',
  }),
} as const;
