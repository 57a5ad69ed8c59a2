export { type CliIo, processIo } from './cli-io.js';
export { runCli } from './run-cli.js';
