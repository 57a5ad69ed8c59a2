export { type CliIo, processIo } from './cli-io.js';
export { runCli } from './run-cli.js';
export { type StartPortalOptions, startPortal } from './start-portal.js';
