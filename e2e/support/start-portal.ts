import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.js';

/** The repository root, where `npm start` runs. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/** A portal started the way `npm start` starts it: the built backend in its own process. */
export interface RunningPortal {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts `apps/backend/dist/main.js` with the repository's app-config.yaml plus an
 * override (a fresh SQLite folder and a free port, or `options.port` when the test must
 * know it first, e.g. for an identity provider's redirect URI), and waits until it is ready.
 */
export async function startPortal(
  extraConfig?: string,
  options: { port?: number } = {},
): Promise<RunningPortal> {
  const port = options.port ?? (await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-e2e-'));
  const override = join(dataDir, 'app-config.e2e.yaml');
  writeFileSync(
    override,
    [
      'app:',
      `  baseUrl: http://127.0.0.1:${port}`,
      'backend:',
      `  baseUrl: http://127.0.0.1:${port}`,
      `  listen: { host: 127.0.0.1, port: ${port} }`,
      `  database: { client: better-sqlite3, connection: { directory: ${JSON.stringify(join(dataDir, 'data'))} } }`,
    ].join('\n'),
  );
  // A test's own config goes in a further file, merged last like any `--config`.
  const extra = join(dataDir, 'app-config.test.yaml');
  writeFileSync(extra, extraConfig ?? '{}\n');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(repoRoot, 'apps/backend/dist/main.js'),
      '--config',
      join(repoRoot, 'app-config.yaml'),
      '--config',
      override,
      '--config',
      extra,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the portal exited with ${child.exitCode} before it was ready:\n${output}`);
    const ready = await fetch(`${url}/.well-known/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the portal was not ready within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
