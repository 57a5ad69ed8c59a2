import type { CliIo } from '../cli-io.js';
import { startPortal } from '../start-portal.js';

/** `atrium start`: runs the portal until SIGINT/SIGTERM. */
export async function start(io: CliIo, configPaths: readonly string[] | undefined): Promise<number> {
  await startPortal({ rootDir: io.cwd, configPaths, handleSignals: true });
  // Keep running: the signal handlers decide when the process ends.
  await new Promise<never>(() => undefined);
  return 0;
}
