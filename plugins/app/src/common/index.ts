export { appApi } from './app-api.js';
export {
  type ExtensionEntry,
  extensionEntrySchema,
  type FrontendState,
  featureBundleSchema,
  frontendStateSchema,
} from './frontend-state.js';
