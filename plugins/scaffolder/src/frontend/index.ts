export {
  type ReceivedValidationError,
  type ScaffolderApi,
  scaffolderApiRef,
  type TaskEventHandlers,
  TaskValidationError,
} from './api/scaffolder-api.js';
export { createScaffolderClient, type ScaffolderClientOptions } from './api/scaffolder-client.js';
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
export { type CatalogFilter, toEntityFilterQuery } from './fields/catalog-filter.js';
export { scaffolderWebPlugin } from './plugin.js';
export { scaffolderSearchWebPlugin, TemplateSearchResult } from './search/template-search-result.js';
