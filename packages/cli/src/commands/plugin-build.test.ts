import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { runCli } from '../run-cli.js';

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t) };
  return { io, out, err };
}

describe('atrium plugin build', () => {
  it('builds the package in the current folder and says what it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atrium-cli-build-'));
    mkdirSync(join(dir, 'src/frontend'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: '@acme/dial',
        exports: { './frontend': { development: './src/frontend/index.ts' } },
        atrium: { frontend: './dist/web/index.js' },
      }),
    );
    writeFileSync(
      join(dir, 'src/frontend/index.ts'),
      "export { defineWebPlugin } from '@atrium/web-kernel';\n",
    );
    const run = capture(dir);
    expect(await runCli(['plugin', 'build'], run.io)).toBe(0);
    expect(run.out.join('\n')).toMatch(
      /^built '@acme\/dial' in \d+ ms: 1 files to dist\/; frontend bundle dist\/web\/index\.js \(1 modules, [\d.]+ KB with source maps\)$/,
    );
  });

  it('fails with the error code when the folder is no package', async () => {
    const run = capture(tmpdir());
    expect(await runCli(['plugin', 'build', mkdtempSync(join(tmpdir(), 'atrium-empty-'))], run.io)).toBe(1);
    expect(run.err.join('\n')).toContain('[PLUGIN_BUILD_NOT_A_PACKAGE]');
  });
});
