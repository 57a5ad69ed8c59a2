export { type AuthorizerDeps, authorizeItems } from './authorize-items.js';
export { permissionPlugin, permissionPlugin as default } from './plugin.js';
