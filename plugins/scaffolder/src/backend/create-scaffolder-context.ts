import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AuditorService,
  AuthService,
  DatabaseService,
  DiscoveryService,
  Duration,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
  UrlReaderService,
} from '@atrium/kernel';
import { durationToMs } from '@atrium/kernel';
import {
  type JsonObject,
  RESOURCE_TYPE_SCAFFOLDER_ACTION,
  RESOURCE_TYPE_SCAFFOLDER_TASK,
  RESOURCE_TYPE_SCAFFOLDER_TEMPLATE,
} from '../common/index.js';
import { createActionRegistry } from './actions/action-registry.js';
import { createBuiltinActions } from './actions/builtin/builtin-actions.js';
import type { TemplateAction } from './actions/template-action.js';
import { createCatalogClient } from './catalog/catalog-client.js';
import type { ScaffolderConfig } from './config.js';
import type { AutocompleteHandler, TemplatingExtension } from './extension-points.js';
import { actionRules, hasTagRule, taskRules } from './permissions/permission-rules.js';
import { createScaffolderAuthorizer } from './permissions/scaffolder-authorizer.js';
import { createTaskAccess } from './permissions/task-access.js';
import type { ScaffolderContext } from './routes/scaffolder-context.js';
import { createEventNotifier, type EventNotifier } from './store/event-notifier.js';
import { createTaskEventStore } from './store/event-store.js';
import { createSecretsCipher, loadSecretsKey } from './store/secrets-cipher.js';
import type { ScaffolderTables } from './store/tables.js';
import { createTaskLifecycle } from './store/task-lifecycle.js';
import { createTaskStore, type TaskStore } from './store/task-store.js';
import { createTemplaterPool, type TemplaterPool } from './templating/templater-pool.js';
import { templatingSources } from './templating/templating-extensions.js';
import { createSchemaValidator } from './validation/schema-validator.js';

/** A config duration in milliseconds. */
export const toMs = (duration: ScaffolderConfig['taskTimeout']) => durationToMs(duration as Duration);

/** The services the scaffolder's init receives. */
export interface ScaffolderDeps {
  auditor: AuditorService;
  database: DatabaseService;
  logger: LoggerService;
  auth: AuthService;
  discovery: DiscoveryService;
  urlReader: UrlReaderService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
}

/** What modules added through the extension points. */
export interface ScaffolderExtensions {
  actions: readonly TemplateAction[];
  autocomplete: readonly AutocompleteHandler[];
  templating: readonly TemplatingExtension[];
}

function registerResourceTypes(registry: PermissionsRegistryService, store: TaskStore): void {
  // Neither resource can be loaded by ref: the scaffolder applies their conditions itself.
  const none = async (refs: string[]) => refs.map(() => undefined);
  registry.addResourceType({
    resourceType: RESOURCE_TYPE_SCAFFOLDER_TEMPLATE,
    rules: [hasTagRule],
    getResources: none,
  });
  registry.addResourceType({
    resourceType: RESOURCE_TYPE_SCAFFOLDER_ACTION,
    rules: actionRules,
    getResources: none,
  });
  // Tasks load by id, so other plugins can ask about one task (resourceRef = task id).
  registry.addResourceType({
    resourceType: RESOURCE_TYPE_SCAFFOLDER_TASK,
    rules: taskRules,
    getResources: (ids) => Promise.all(ids.map((id) => store.get(id))),
  });
}

/**
 * Builds everything the routes and the worker share: stores over the plugin database,
 * the secrets cipher, the templater pool, the catalog client and the action registry.
 */
export async function createScaffolderContext(
  deps: ScaffolderDeps,
  config: ScaffolderConfig,
  extensions: ScaffolderExtensions,
): Promise<ScaffolderContext & { notifier: EventNotifier; templaters: TemplaterPool }> {
  const db = await deps.database.getClient<ScaffolderTables>();
  const notifier = createEventNotifier();
  const eventPollIntervalMs = toMs(config.taskPollInterval);
  const events = createTaskEventStore(deps.database, db, notifier, eventPollIntervalMs);
  const templaters = createTemplaterPool({
    timeoutMs: toMs(config.templating.timeout),
    memoryLimitMb: config.templating.memoryLimitMb,
    ...templatingSources(extensions.templating),
  });
  const catalog = createCatalogClient({ discovery: deps.discovery, auth: deps.auth });
  const builtins = createBuiltinActions({ templaters, catalog, urlReader: deps.urlReader, config });
  const actions = createActionRegistry([...builtins, ...extensions.actions]);
  const store = createTaskStore(deps.database, db, events, notifier);
  registerResourceTypes(deps.permissionsRegistry, store);
  const environment = {
    parameters: config.defaultEnvironment.parameters as JsonObject,
    secrets: config.defaultEnvironment.secrets,
  };
  return {
    config,
    logger: deps.logger,
    auth: deps.auth,
    auditor: deps.auditor,
    urlReader: deps.urlReader,
    store,
    lifecycle: createTaskLifecycle(deps.database, db, events, notifier),
    events,
    cipher: createSecretsCipher(await loadSecretsKey(db, config.secretsKey)),
    catalog,
    actions,
    authorizer: createScaffolderAuthorizer(deps.permissions),
    taskAccess: createTaskAccess({
      permissions: deps.permissions,
      store,
      catalog,
      serviceCredentials: () => deps.auth.getOwnServiceCredentials(),
    }),
    validator: createSchemaValidator(),
    runner: { actions, templaters, logger: deps.logger, environment },
    autocomplete: extensions.autocomplete,
    templating: extensions.templating,
    workingDirectory: config.workingDirectory ?? join(tmpdir(), 'atrium-scaffolder'),
    eventPollIntervalMs,
    notifier,
    templaters,
  };
}
