export { type AppLayoutClient, appLayoutApiRef, createAppLayoutClient } from './layout-client.js';
export { appLayoutWebPlugin, canEditLayout } from './plugin.js';
