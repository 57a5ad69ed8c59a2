export { appApi } from './app-api.js';
export { appPermissionList, appPermissions } from './app-permissions.js';
export {
  type ExtensionEntry,
  extensionEntrySchema,
  type FrontendState,
  featureBundleSchema,
  frontendStateSchema,
} from './frontend-state.js';
export {
  type Layout,
  layoutOverridesSchema,
  layoutSchema,
  MAX_LAYOUT_ENTRIES,
  type SaveLayout,
  saveLayoutSchema,
} from './layout.js';
