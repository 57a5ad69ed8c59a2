export { type AppErrorCode, appErrorCodes } from './app-error-codes.js';
export { appApi, appPlugin, appPlugin as default } from './plugin.js';
