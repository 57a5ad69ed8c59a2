import type { AuditorService, AuthService, LoggerService, UrlReaderService } from '@atrium/kernel';
import type { ActionRegistry } from '../actions/action-registry.js';
import type { CatalogClient } from '../catalog/catalog-client.js';
import type { ScaffolderConfig } from '../config.js';
import type { AutocompleteHandler, TemplatingExtension } from '../extension-points.js';
import type { ScaffolderAuthorizer } from '../permissions/scaffolder-authorizer.js';
import type { TaskAccess } from '../permissions/task-access.js';
import type { RunnerDeps } from '../runner/run-types.js';
import type { TaskEventStore } from '../store/event-store.js';
import type { SecretsCipher } from '../store/secrets-cipher.js';
import type { TaskLifecycle } from '../store/task-lifecycle.js';
import type { TaskStore } from '../store/task-store.js';
import type { SchemaValidator } from '../validation/schema-validator.js';

/** What the scaffolder's routes share, assembled once in the plugin's init. */
export interface ScaffolderContext {
  config: ScaffolderConfig;
  logger: LoggerService;
  auth: AuthService;
  /** Audit events of task creation, cancel, retry and dry runs. */
  auditor: AuditorService;
  urlReader: UrlReaderService;
  store: TaskStore;
  lifecycle: TaskLifecycle;
  events: TaskEventStore;
  cipher: SecretsCipher;
  catalog: CatalogClient;
  actions: ActionRegistry;
  authorizer: ScaffolderAuthorizer;
  /** Who sees which task (task read/cancel permissions and the template's visibility). */
  taskAccess: TaskAccess;
  validator: SchemaValidator;
  runner: RunnerDeps;
  autocomplete: readonly AutocompleteHandler[];
  templating: readonly TemplatingExtension[];
  /** Where dry runs create their throwaway directories. */
  workingDirectory: string;
  /** How often SSE streams and long polls look for other backends' events. */
  eventPollIntervalMs: number;
}
