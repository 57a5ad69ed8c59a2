export {
  type AtriumPackageField,
  atriumPackageFieldSchema,
  type PluginDeclaration,
  pluginDeclarationSchema,
  pluginIdSchema,
} from './plugin-package-format.js';
export {
  type BackendPluginStatus,
  backendInstanceSchema,
  type FrontendFeature,
  frontendFeatureSchema,
  type InstalledPlugin,
  type InstallReview,
  type InstallSource,
  installedPluginSchema,
  installReviewSchema,
  installSourceSchema,
  MAX_TARBALL_BYTES,
  PLUGINS_FRONTENDS_CHANGED_TOPIC,
  type PluginHistoryEvent,
  pluginHistoryEventSchema,
  pluginsApi,
} from './plugins-api.js';
export { pluginsPermissionList, pluginsPermissions } from './plugins-permissions.js';
