export { appApi, appPlugin, appPlugin as default } from './plugin.js';
