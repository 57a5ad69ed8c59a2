import type { CliIo } from './cli-io.js';
import { configCheck } from './commands/config-check.js';
import { dbMigrate } from './commands/db-migrate.js';
import { inspect } from './commands/inspect.js';
import { newPlugin } from './commands/new-plugin.js';
import { pluginBuild } from './commands/plugin-build.js';
import { start } from './commands/start.js';

/** The parsed flags every command may read. */
interface CliFlags {
  config?: string[];
  json?: boolean;
  dir?: string;
  'package-name'?: string;
}

/** One `atrium` command: the words that name it, its usage line and what it does. */
export interface CliCommand {
  words: readonly string[];
  /** Arguments and options after the command's words. */
  args: string;
  summary: string;
  run(io: CliIo, flags: CliFlags, rest: readonly string[]): Promise<number>;
}

/** Every command, in the order usage lists them. */
const cliCommands: readonly CliCommand[] = [
  {
    words: ['start'],
    args: '[--config <file>]...',
    summary: 'run the portal (default: app-config.yaml + app-config.local.yaml)',
    run: (io, flags) => start(io, flags.config),
  },
  {
    words: ['config', 'check'],
    args: '[--config <file>]...',
    summary: "validate config against every installed plugin's schema, as start does",
    run: (io, flags) => configCheck(io, flags.config),
  },
  {
    words: ['db', 'migrate'],
    args: '[--config <file>]...',
    summary: 'apply pending database migrations of every plugin',
    run: (io, flags) => dbMigrate(io, flags.config),
  },
  {
    words: ['new', 'plugin'],
    args: '<id> [--dir plugins] [--package-name <name>]',
    summary: 'create a plugin package (backend, common and frontend entries)',
    run: (io, flags, rest) => newPlugin(io, rest[0], { dir: flags.dir, packageName: flags['package-name'] }),
  },
  {
    words: ['plugin', 'build'],
    args: '[<dir>]',
    summary: 'build a plugin package: dist/ for the backend and the frontend bundle app.features loads',
    run: (io, _flags, rest) => pluginBuild(io, rest[0]),
  },
  {
    words: ['inspect'],
    args: '[--config <file>]... [--json]',
    summary:
      "list installed plugins' config keys, permissions, migrations, routes, extension points and error codes",
    run: (io, flags) => inspect(io, flags.config, flags.json ?? false),
  },
];

/** The command that `positionals` start with, and the arguments after its words. */
export function findCommand(
  positionals: readonly string[],
): { command: CliCommand; rest: string[] } | undefined {
  const command = cliCommands.find((c) => c.words.every((word, i) => positionals[i] === word));
  return command && { command, rest: positionals.slice(command.words.length) };
}

/** Usage of one command, or of the whole CLI. */
export function usageOf(command?: CliCommand): string {
  if (command) {
    return `Usage: atrium ${command.words.join(' ')} ${command.args}\n\n${command.summary}\n`;
  }
  const lines = cliCommands.map((c) => `  ${`${c.words.join(' ')} ${c.args}`.padEnd(48)}${c.summary}`);
  return `Usage: atrium <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help                                      show this help (or a command's: atrium <command> --help)
  -v, --version                                   print the Atrium version
`;
}
