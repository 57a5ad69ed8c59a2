import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');

// Runs the built entry point as `npm start` does (the e2e setup and CI build it first).
function startProcess(config: string) {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-main-'));
  const file = join(dir, 'app-config.yaml');
  writeFileSync(file, config.replace('DATA_DIR', JSON.stringify(join(dir, 'data'))));
  const child = spawn(process.execPath, [join(repoRoot, 'apps/backend/dist/main.js'), '--config', file], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const ready = new Promise<number>((resolveReady, reject) => {
    const timer = setInterval(() => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolveReady(Number(match[1]));
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`exited with ${code}: ${output}`));
    });
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, ready, exited, output: () => output };
}

describe('apps/backend main', () => {
  it('stops gracefully on SIGTERM and exits 0', async () => {
    const proc = startProcess(
      'backend:\n  listen: { host: 127.0.0.1, port: 0 }\n  database: { client: better-sqlite3, connection: { directory: DATA_DIR } }\n  features: []\n',
    );
    const port = await proc.ready;
    expect((await fetch(`http://127.0.0.1:${port}/.well-known/health/ready`)).status).toBe(200);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('received SIGTERM, shutting down gracefully');
  });

  it('exits 1 naming the problem when config is invalid', async () => {
    const proc = startProcess('backend:\n  listen: { host: 127.0.0.1, port: "not a port" }\n');
    await expect(proc.ready).rejects.toThrow(/config 'backend\.listen/);
    expect(await proc.exited).toBe(1);
  });
});
