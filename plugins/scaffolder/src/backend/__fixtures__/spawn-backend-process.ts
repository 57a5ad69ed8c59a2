import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../../../..');
const outDir = join(repo, 'node_modules/.cache/atrium-scaffolder-tests');

/**
 * Bundles `crash-child.ts` with the workspace's TypeScript sources (third-party packages
 * stay external and load from node_modules), so a test can run a real backend in a
 * separate process and kill it. The templating sandbox's scripts are copied beside the
 * bundle, where the bundled templater looks for them.
 */
export async function bundleBackendProcess(): Promise<string> {
  const outfile = join(outDir, 'crash-child.mjs');
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(here, 'crash-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['development'],
    logLevel: 'error',
    plugins: [
      {
        name: 'third-party-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@atrium/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  await cp(join(repo, 'packages/templating/src/sandbox'), join(outDir, 'sandbox'), { recursive: true });
  return outfile;
}

/** Starts the bundled backend with `config` and resolves once it listens. */
export function spawnBackendProcess(entry: string, config: unknown): Promise<ChildProcess> {
  const child = spawn(process.execPath, [entry, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: repo,
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend process not ready:\n${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/^ready /m.test(output)) {
        clearTimeout(timer);
        resolvePromise(child);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`backend process exited with ${code}:\n${output}`)));
  });
}
