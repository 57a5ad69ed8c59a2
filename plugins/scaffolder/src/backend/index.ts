export type { ActionRegistry } from './actions/action-registry.js';
export {
  type ActionContext,
  createTemplateAction,
  type JsonSchema,
  type TemplateAction,
} from './actions/template-action.js';
export { type ScaffolderConfig, scaffolderConfigSchema } from './config.js';
export {
  type AutocompleteHandler,
  scaffolderActionsPoint,
  scaffolderAutocompletePoint,
  scaffolderTemplatingPoint,
  type TemplatingExtension,
} from './extension-points.js';
export type { SourceFile } from './files/template-source.js';
export { scaffolderPlugin, scaffolderPlugin as default } from './plugin.js';
