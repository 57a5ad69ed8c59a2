import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pluginsPlugin } from '@atrium/plugins/backend';
import { startTestBackend } from '@atrium/test-kit';

const repoRoot = resolve(import.meta.dirname, '../../..');

function sh(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
}

/** A tarball of a plugin made by `atrium new plugin` and built by `atrium plugin build`, at `version`. */
export function packedPlugin(id: string, version = '0.1.0'): { tarball: Buffer; cleanup(): void } {
  // Inside the repository, so the built package resolves the host's modules.
  const parent = join(
    repoRoot,
    'node_modules/.cache/atrium-bench-plugins',
    `${process.pid}-${id}-${version}`,
  );
  mkdirSync(parent, { recursive: true });
  const atrium = join(repoRoot, 'node_modules/.bin/atrium');
  sh(process.execPath, [atrium, 'new', 'plugin', id, '--dir', parent], repoRoot);
  const dir = join(parent, id);
  const manifestFile = join(dir, 'package.json');
  writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), version }));
  sh(process.execPath, [atrium, 'plugin', 'build', dir], repoRoot);
  sh('npm', ['pack', '--ignore-scripts', '--pack-destination', parent], dir);
  const file = readdirSync(parent).find((f) => f.endsWith('.tgz')) ?? '';
  return {
    tarball: readFileSync(join(parent, file)),
    cleanup: () => rmSync(parent, { recursive: true, force: true }),
  };
}

/**
 * Tarball upload to the first successful request on the installed plugin's route, in a
 * running backend (SQLite files): POST /install, POST enable, then GET the route until 200.
 * Each round uninstalls first, so every round installs, migrates and starts anew.
 */
export async function measureInstall(rounds: number): Promise<number[]> {
  const id = 'bench-radar';
  const plugin = packedPlugin(id);
  const data = mkdtempSync(join(tmpdir(), 'atrium-bench-install-'));
  const backend = await startTestBackend({
    features: [pluginsPlugin],
    config: {
      backend: { database: { client: 'better-sqlite3', connection: { directory: join(data, 'db') } } },
      plugins: { directory: join(data, 'plugins') },
    },
  });
  const token = await backend.userToken('user:default/admin');
  const post = (path: string, body: unknown) =>
    backend.fetch(`/api/plugins${path}`, {
      method: 'POST',
      token,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  const times: number[] = [];
  try {
    const upload = { source: { type: 'upload', tarball: plugin.tarball.toString('base64') } };
    for (let round = 0; round < rounds; round++) {
      await backend.fetch(`/api/plugins/installed/${id}`, { method: 'DELETE', token });
      const started = performance.now();
      const installed = await post('/install', upload);
      if (installed.status !== 201)
        throw new Error(`install answered ${installed.status}: ${await installed.text()}`);
      const enabled = await post(`/installed/${id}/enable`, {});
      if (enabled.status !== 200)
        throw new Error(`enable answered ${enabled.status}: ${await enabled.text()}`);
      while ((await backend.fetch(`/api/${id}/greetings`, { token })).status !== 200);
      times.push(performance.now() - started);
    }
  } finally {
    await backend.stop();
    rmSync(data, { recursive: true, force: true });
    plugin.cleanup();
  }
  return times;
}
