import { parseArgs } from 'node:util';
import { isAtriumError } from '@atrium/errors';
import { type CliIo, processIo } from './cli-io.js';
import { configCheck } from './commands/config-check.js';
import { dbMigrate } from './commands/db-migrate.js';
import { inspect } from './commands/inspect.js';
import { newPlugin } from './commands/new-plugin.js';
import { pluginBuild } from './commands/plugin-build.js';
import { start } from './commands/start.js';

const usage = `Usage: atrium <command> [options]

Commands:
  start [--config <file>]...          run the portal (default: app-config.yaml + app-config.local.yaml)
  config check [--config <file>]...   validate config against every installed plugin's schema
  db migrate [--config <file>]...     apply pending database migrations of every plugin
  new plugin <id> [--dir plugins]     create a plugin package (backend, common, frontend entries)
  plugin build [<dir>]                build a plugin package: dist/ for the backend and the
                                      frontend bundle that app.features loads
  inspect [--config <file>]... [--json]
                                      list installed plugins' config keys, permissions, migrations,
                                      routes, extension points and error codes
`;

/** Runs the `atrium` command; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`atrium: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, sub, arg] = positionals;
  const configPaths = values.config;
  try {
    if (values.help || !command) {
      io.out(usage);
      return command ? 0 : 2;
    }
    if (command === 'start') return await start(io, configPaths);
    if (command === 'config' && sub === 'check') return await configCheck(io, configPaths);
    if (command === 'db' && sub === 'migrate') return await dbMigrate(io, configPaths);
    if (command === 'new' && sub === 'plugin')
      return await newPlugin(io, arg, { dir: values.dir, packageName: values['package-name'] });
    if (command === 'plugin' && sub === 'build') return await pluginBuild(io, arg);
    if (command === 'inspect') return await inspect(io, configPaths, values.json ?? false);
    io.err(`atrium: unknown command '${positionals.join(' ')}'\n\n${usage}`);
    return 2;
  } catch (error) {
    io.err(
      isAtriumError(error)
        ? `${error.name} [${error.code}]: ${error.message}`
        : `atrium: ${(error as Error).stack ?? String(error)}`,
    );
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      dir: { type: 'string' },
      'package-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
