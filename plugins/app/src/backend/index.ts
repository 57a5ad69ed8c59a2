export { appApi, appPlugin } from './plugin.js';
export { appPlugin as default } from './plugin.js';
