export { type PluginsConfig, pluginsConfigSchema } from './config.js';
export { pluginsPlugin, pluginsPlugin as default } from './plugin.js';
export { pluginsErrorCodes } from './plugins-error-codes.js';
