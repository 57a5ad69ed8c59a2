export {
  RESOURCE_TYPE_SCAFFOLDER_ACTION,
  RESOURCE_TYPE_SCAFFOLDER_TASK,
  RESOURCE_TYPE_SCAFFOLDER_TEMPLATE,
  type ScaffolderPermission,
  scaffolderPermissionList,
  scaffolderPermissions,
} from './permissions.js';
export {
  directoryEntrySchema,
  dryRunRequestSchema,
  dryRunResultSchema,
  scaffolderApi,
  serializedTaskSchema,
  taskEventSchema,
} from './scaffolder-api.js';
export { type ScaffolderErrorCode, scaffolderErrorCodes } from './scaffolder-error-codes.js';
export type {
  ActionDescription,
  DirectoryEntry,
  DryRunResult,
  TemplateParameterSchema,
} from './scaffolder-wire-types.js';
export {
  type JsonObject,
  type JsonValue,
  type LogEventBody,
  type SerializedTask,
  type SerializedTaskEvent,
  type StepStatus,
  TASK_STATUSES,
  type TaskEventType,
  type TaskSpec,
  type TaskStatus,
  type TaskStepSpec,
  type TaskUser,
  type TemplateInfo,
} from './task-types.js';
export type { ValidationErrorItem } from './validation-error-item.js';
