// Kysely's runtime helpers come from the kernel, so plugins share the kernel's copy of Kysely
// (the kernel ships as one bundle); plugins import only types from 'kysely' directly.
export { CompiledQuery, sql } from 'kysely';
export type { DeclaredFileRoots } from './boot/check-config.js';
export { type Backend, type BackendOptions, createBackend } from './boot/create-backend.js';
export { type BackendInspection, inspectBackend, migrateDatabases } from './boot/inspect-backend.js';
export { loadFeatures } from './boot/load-features.js';
export { doublingDelayMs } from './concurrency/doubling-delay.js';
export { runLimited } from './concurrency/run-limited.js';
export {
  defineModule,
  type ModuleFeature,
  type ModuleInitContext,
  type ModuleOptions,
} from './definitions/define-module.js';
export {
  definePermission,
  type Permission,
  type PermissionAction,
  type ResourcePermission,
} from './definitions/define-permission.js';
export {
  definePlugin,
  type PluginFeature,
  type PluginHooks,
  type PluginInitContext,
  type PluginOptions,
} from './definitions/define-plugin.js';
export {
  defineExtensionPoint,
  type ExtensionItemOf,
  type ExtensionLists,
  type ExtensionPoint,
  type ExtensionPoints,
  type ExtensionPointWriter,
  type ExtensionWriters,
} from './definitions/extension-point.js';
export { type BackendFeature, type BackendFeatureInput, isBackendFeature } from './definitions/feature.js';
export type { Migration, MigrationContext, MigrationDb, Migrations } from './definitions/migrations.js';
export { defineServiceFactory, type ServiceFactory } from './definitions/service-factory.js';
export {
  defineServiceRef,
  type ResolvedServices,
  type ServiceOf,
  type ServiceRef,
  type ServiceRefs,
  type ServiceScope,
} from './definitions/service-ref.js';
export { type KernelErrorCode, kernelErrorCodes } from './kernel-error-codes.js';
export type {
  AuditActor,
  AuditEventOptions,
  AuditorEvent,
  AuditorService,
  AuditRecord,
  AuditSeverityLevel,
  AuditSink,
  AuditSinksService,
} from './services/auditor/auditor-types.js';
export { type AuditedOutcome, runAudited } from './services/auditor/run-audited.js';
export type { AccessRestriction } from './services/auth/access-restrictions.js';
export type { AuthService } from './services/auth/auth-service.js';
export {
  type Credentials,
  createCredentials,
  isPrincipal,
  type NonePrincipal,
  type Principal,
  type PrincipalTypes,
  type ServicePrincipal,
  type UserPrincipal,
} from './services/auth/credentials.js';
export type { AuthRequest, HttpAuthService } from './services/auth/http-auth-service.js';
export { pluginClientOptions } from './services/auth/plugin-client-options.js';
export type { UserInfo, UserInfoService } from './services/auth/user-info-service.js';
export type { UserTokensService } from './services/auth/user-tokens-service.js';
export type { CacheService } from './services/cache/cache-service.js';
export {
  type ConfigReader,
  createConfigReader,
  type JsonObject,
  type JsonValue,
} from './services/config/config-reader.js';
export { durationSchema } from './services/config/duration-schema.js';
export { type LoadConfigOptions, type LoadedConfig, loadConfig } from './services/config/load-config.js';
export { mergeConfig } from './services/config/merge-config.js';
export {
  type ConfigValidation,
  type ConfigVisibility,
  selectConfigByVisibility,
  validateConfigSubtree,
} from './services/config/validate-config.js';
export { coreServices } from './services/core-services.js';
export type { DatabaseClient, DatabaseService } from './services/database/database-service.js';
export { type PreparedQuery, prepareQuery } from './services/database/prepare-query.js';
export type { TransactionOptions } from './services/database/retry-transaction.js';
export type { DiscoveryService } from './services/discovery/discovery-service.js';
export type { EventParams, EventsService } from './services/events/events-service.js';
export type { HealthService } from './services/health/health-service.js';
export { type BackendConfig, backendConfigSchema } from './services/http/http-config.js';
export type {
  HttpRouterService,
  RouteContext,
  RouteHandler,
  RouteHandlers,
} from './services/http/http-router-service.js';
export { getRequestCredentials } from './services/http/request-credentials.js';
export type { RootHttpRouterService } from './services/http/root-http-router-service.js';
export type { LifecycleHookOptions, LifecycleService } from './services/lifecycle/lifecycle-service.js';
export {
  createRootLogger,
  type LoggerService,
  type LogMeta,
  type RootLoggerOptions,
} from './services/logger/logger-service.js';
export type { InstanceMetadataService, PluginMetadataService } from './services/metadata/metadata-service.js';
export type { MetricsService } from './services/metrics/metrics-service.js';
export { mapCriteria } from './services/permissions/evaluate-criteria.js';
export type {
  DefinitiveDecision,
  PermissionCondition,
  PermissionCriteria,
  PermissionPolicy,
  PermissionRule,
  PermissionsRegistryService,
  PermissionsService,
  PolicyDecision,
  ResourceTypeRegistration,
  ResourceTypeSummary,
} from './services/permissions/permission-types.js';
export { HOST_API_VERSION } from './services/plugin-runtime/create-plugin-runtime.js';
export type {
  PluginRuntimeService,
  PreparedPlugin,
  PrepareRequest,
  RuntimePluginState,
} from './services/plugin-runtime/plugin-runtime-service.js';
export { type Duration, durationToMs } from './services/scheduler/duration.js';
export type {
  ScheduledTaskInfo,
  SchedulerService,
  TaskDefinition,
  TaskFrequency,
} from './services/scheduler/scheduler-service.js';
export { type TriggerOnEventsOptions, triggerOnEvents } from './services/scheduler/trigger-on-events.js';
export type { FileRoots, FileRuleViolation } from './services/url-reader/file-access-rule.js';
export type { GitRefs } from './services/url-reader/git-refs.js';
export { globBaseDirectory, isGlobPattern } from './services/url-reader/glob-base-directory.js';
export {
  type LocationBase,
  locationBaseOf,
  resolveLocationTarget,
} from './services/url-reader/location-target.js';
export type {
  ReadUrlOptions,
  ReadUrlResponse,
  TreeFile,
  UrlReaderService,
} from './services/url-reader/url-reader-service.js';
export type {
  WorkClaimRequest,
  WorkItem,
  WorkOutcome,
  WorkQueue,
  WorkQueueDefinition,
  WorkQueueService,
  WorkQueueSource,
  WorkQueueTable,
  WorkResult,
} from './services/work-queue/work-queue-service.js';
