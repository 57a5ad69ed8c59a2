export { type PluginsClient, pluginsApiRef } from './api/plugins-api-ref.js';
export { pluginsAdminPage, pluginsApiExtension, pluginsWebPlugin } from './plugin.js';
