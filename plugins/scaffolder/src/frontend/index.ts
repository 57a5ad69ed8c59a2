export {
  type CatalogFilter,
  type CatalogLookupApi,
  catalogLookupApiRef,
  createCatalogLookup,
} from './api/catalog-lookup-api.js';
export {
  type CreateTaskRequest,
  type DryRunRequest,
  type ScaffolderApi,
  scaffolderApiRef,
  type TaskEventHandlers,
  TaskValidationError,
} from './api/scaffolder-api.js';
export { createScaffolderClient, type ScaffolderClientOptions } from './api/scaffolder-client.js';
export type {
  DryRunResult,
  SerializedTask,
  TaskEvent,
  TaskStatus,
  TemplateParameterSchema,
} from './api/scaffolder-types.js';
export {
  type FormField,
  FormFieldBlueprint,
  type FormFieldParams,
  type FormFieldProps,
  formFieldExtensionData,
  formFieldsInput,
} from './blueprints/form-field-blueprint.js';
export {
  builtinFormFields,
  entityNamePickerField,
  entityPickerField,
  ownerPickerField,
  repoUrlPickerField,
} from './extensions/form-field-extensions.js';
export { scaffolderPage } from './extensions/page-extension.js';
export { scaffolderWebPlugin } from './plugin.js';
