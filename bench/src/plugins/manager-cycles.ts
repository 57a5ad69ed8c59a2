import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pluginsPlugin } from '@atrium/plugins/backend';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { packedPlugin } from './install.js';

const mb = (bytes: number) => bytes / 1024 / 1024;
const memory = () => {
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss: mb(rss), heap: mb(heapUsed), external: mb(external) };
};

/** POSTs to the plugin manager as an admin, and one enable/upgrade/rollback/disable cycle of plugin `id`. */
function adminDriver(backend: TestBackend, token: string, id: string) {
  const post = async (path: string, body: unknown) => {
    const response = await backend.fetch(`/api/plugins${path}`, {
      method: 'POST',
      token,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    if (response.status >= 300)
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  const request = async () => {
    const response = await backend.fetch(`/api/${id}/greetings`, { token });
    if (response.status !== 200) throw new Error(`the plugin's route answered ${response.status}`);
    await response.arrayBuffer();
  };
  const cycle = async () => {
    await post(`/installed/${id}/enable`, { version: '0.1.0' });
    await request();
    await post(`/installed/${id}/upgrade`, { version: '0.2.0' });
    await request();
    await post(`/installed/${id}/rollback`, {});
    await request();
    await post(`/installed/${id}/disable`, {});
  };
  return { post, cycle };
}

/**
 * RSS and unpacked folders over `cycles` cycles through the plugin manager, as an admin
 * drives it: enable 0.1.0, upgrade to 0.2.0, roll back, disable, with a request after each
 * switch. Every load unpacks the package anew; its backend entry is imported once per
 * integrity (Node cannot unload ES modules), so this measures what loads leave in memory and on disk.
 */
export async function measureManagerCycles(cycles: number) {
  const id = 'bench-cycle';
  const versions = [packedPlugin(id, '0.1.0'), packedPlugin(id, '0.2.0')];
  const data = mkdtempSync(join(tmpdir(), 'atrium-bench-cycles-'));
  const backend = await startTestBackend({
    features: [pluginsPlugin],
    config: {
      backend: { database: { client: 'better-sqlite3', connection: { directory: join(data, 'db') } } },
      plugins: { directory: join(data, 'plugins') },
    },
  });
  const { post, cycle } = adminDriver(backend, await backend.userToken('user:default/admin'), id);
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  try {
    for (const { tarball } of versions)
      await post('/install', { source: { type: 'upload', tarball: tarball.toString('base64') } });
    await cycle();
    gc();
    const before = memory();
    for (let n = 0; n < cycles; n++) await cycle();
    gc();
    await new Promise((resolve) => setTimeout(resolve, 500));
    gc();
    const after = memory();
    const folders = readdirSync(join(data, 'plugins', id)).length;
    return {
      beforeMb: before.rss,
      afterMb: after.rss,
      growthMb: after.rss - before.rss,
      heapGrowthMb: after.heap - before.heap,
      externalGrowthMb: after.external - before.external,
      loads: cycles * 3,
      folders,
    };
  } finally {
    await backend.stop();
    rmSync(data, { recursive: true, force: true });
    for (const version of versions) version.cleanup();
  }
}
