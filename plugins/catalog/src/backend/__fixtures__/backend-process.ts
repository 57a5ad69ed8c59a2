import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
// Inside node_modules, so the bundle's external packages resolve from the repository.
const bundleDir = join(repoRoot, 'node_modules', '.cache', 'atrium-catalog-tests');

/**
 * Bundles a tiny backend entry (kernel + catalog plugin from source) that a test can run
 * as a real process, to kill it with SIGKILL.
 */
export async function bundleBackend(): Promise<string> {
  mkdirSync(bundleDir, { recursive: true });
  const entry = join(bundleDir, 'entry.ts');
  const plugin = fileURLToPath(new URL('../plugin.ts', import.meta.url));
  writeFileSync(
    entry,
    `import { createBackend } from '@atrium/kernel';\nimport { catalogPlugin } from ${JSON.stringify(plugin)};\n` +
      `const backend = createBackend({ configPaths: [process.argv[2]], rootDir: ${JSON.stringify(dirname(entry))} });\n` +
      'backend.add(catalogPlugin);\nawait backend.start();\n',
  );
  const outfile = join(bundleDir, 'backend.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['development'],
    nodePaths: [join(repoRoot, 'node_modules')],
    logLevel: 'error',
    plugins: [
      {
        name: 'external-packages',
        setup(context) {
          context.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@atrium/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return outfile;
}

/** A backend running as a child process. */
export interface BackendProcess {
  child: ChildProcess;
  port: number;
  output(): string;
}

/** Starts the bundled backend with a config file; resolves once it listens. */
export function startBackendProcess(bundle: string, configFile: string): Promise<BackendProcess> {
  const child = spawn(process.execPath, [bundle, configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, port: Number(match[1]), output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`backend exited with ${code}:\n${output}`));
    });
  });
}
