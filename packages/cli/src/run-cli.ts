import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isAtriumError } from '@atrium/errors';
import { findCommand, usageOf } from './cli-commands.js';
import { type CliIo, processIo } from './cli-io.js';

/** The version of Atrium this CLI belongs to (its package's, released together with the kernel). */
function atriumVersion(): string {
  // src/ and dist/ both sit one level below the package.json.
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(manifest.version);
}

/** Runs the `atrium` command; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`atrium: ${(error as Error).message}\n\n${usageOf()}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(`atrium ${atriumVersion()}`);
    return 0;
  }
  const found = findCommand(positionals);
  if (values.help && (found || positionals.length === 0)) {
    io.out(usageOf(found?.command));
    return 0;
  }
  if (!found) {
    io.err(
      positionals.length === 0
        ? usageOf()
        : `atrium: unknown command '${positionals.join(' ')}'\n\n${usageOf()}`,
    );
    return 2;
  }
  try {
    return await found.command.run(io, values, found.rest);
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
      version: { type: 'boolean', short: 'v' },
    },
  });
}
