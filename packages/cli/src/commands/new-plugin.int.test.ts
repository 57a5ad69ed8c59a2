import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCaptureLogger } from '@atrium/test-kit';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { runCli } from '../run-cli.js';
import { startPortal } from '../start-portal.js';

// An integration test: it type-checks, builds and tests the generated plugin in child
// processes, then serves its API and its frontend bundle from a portal.
const repoRoot = resolve(import.meta.dirname, '../../../..');

function io(cwd: string): CliIo {
  return { cwd, out: () => undefined, err: () => undefined };
}

describe('atrium new plugin', () => {
  const id = `zz-gen-${process.pid}`;
  const dir = join(repoRoot, 'plugins', id);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a plugin that type-checks, builds (dist/ and its frontend bundle), passes its test and is served once listed', async () => {
    expect(await runCli(['new', 'plugin', id], io(repoRoot))).toBe(0);
    expect(existsSync(join(dir, 'src/backend/plugin.ts'))).toBe(true);

    const tsconfig = join(dir, 'tsconfig.check.json');
    writeFileSync(tsconfig, JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] }));
    const typecheck = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', tsconfig],
      { encoding: 'utf8' },
    );
    expect(typecheck.stdout + typecheck.stderr).toBe('');

    const build = spawnSync(
      process.execPath,
      [join(repoRoot, 'scripts/build.mjs'), '--no-web', '--only', `plugins/${id}`],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(build.status, build.stderr).toBe(0);
    // Its own build script (atrium plugin build) bundled the frontend, leaving React to the app.
    const bundle = readFileSync(join(dir, 'dist/web/index.js'), 'utf8');
    expect(bundle).toMatch(/^import .* from "@atrium\/web-kernel";$/m);
    expect(bundle).not.toContain('react.production');

    const test = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit', `plugins/${id}`],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
      },
    );
    expect(test.status, test.stdout + test.stderr).toBe(0);

    const configDir = mkdtempSync(join(tmpdir(), 'atrium-cli-'));
    writeFileSync(
      join(configDir, 'app-config.yaml'),
      `app:\n  features: ['./plugins/${id}']\nbackend:\n  listen: { host: 127.0.0.1, port: 0 }\n  database: { client: better-sqlite3, connection: ':memory:' }\n  features: ['@atrium/app/backend', './plugins/${id}']\n  auth:\n    externalAccess: [{ type: static, options: { token: cli-test-token, subject: cli } }]\n`,
    );
    const { backend, url } = await startPortal({
      rootDir: repoRoot,
      configPaths: [join(configDir, 'app-config.yaml')],
      logger: createCaptureLogger(),
    });
    try {
      const response = await fetch(`${url}/api/${id}/greetings`, {
        headers: { authorization: 'Bearer cli-test-token' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        items: [{ id: 1, message: expect.stringContaining('Hello from') }],
      });
      const html = await (await fetch(url)).text();
      const listed = JSON.parse(/id="atrium-features">(.*?)<\/script>/.exec(html)?.[1] ?? '[]');
      expect(listed).toEqual([
        { name: `@atrium/${id}`, url: expect.stringMatching(/^\/assets\/features\//) },
      ]);
      const served = await (await fetch(`${url}${listed[0].url}`)).text();
      expect(served).toMatch(/^import .* from "\/assets\/shared\/atrium-web-kernel-[\w-]+\.js";$/m);
    } finally {
      await backend.stop();
    }
  }, 120_000);
});
