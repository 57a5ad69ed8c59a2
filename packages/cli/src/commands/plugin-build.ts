import { relative, resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { buildPlugin } from '../plugin-build/build-plugin.js';

/** `atrium plugin build [dir]`: builds the plugin package in `dir` (default: the current folder). */
export async function pluginBuild(io: CliIo, dir: string | undefined): Promise<number> {
  const started = Date.now();
  const result = await buildPlugin(resolve(io.cwd, dir ?? '.'));
  const frontend = result.frontend
    ? `; frontend bundle ${relative(io.cwd, result.frontend.entry) || result.frontend.entry} (${result.frontend.files.filter((f) => f.endsWith('.js')).length} modules, ${(result.frontend.bytes / 1024).toFixed(1)} KB with source maps)`
    : '';
  io.out(
    `built '${result.name}' in ${Date.now() - started} ms: ${result.transpiled} files to dist/${frontend}`,
  );
  return 0;
}
