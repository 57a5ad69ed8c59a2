import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { pinSelfToCpu, spawnServer } from '../spawn-server.js';
import { median, summarize } from '../stats.js';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');
const main = join(repo, 'apps/backend/dist/main.js');
const ready = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

function writeConfig(features: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-'));
  const file = join(dir, 'app-config.yaml');
  writeFileSync(
    file,
    [
      'backend:',
      '  listen: { host: 127.0.0.1, port: 0 }',
      `  database: { client: better-sqlite3, connection: { directory: ${JSON.stringify(join(dir, 'data'))} } }`,
      `  features: ${JSON.stringify(features)}`,
      'auth:',
      '  providers:',
      '    guest: { dangerouslyAllowOutsideDevelopment: true }',
    ].join('\n'),
  );
  return file;
}

async function coldStart(runs: number) {
  const config = writeConfig([]);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await spawnServer([main, '--config', config], {
      ready,
      env: { NODE_ENV: 'production' },
      cwd: repo,
    });
    samples.push(server.readyMs);
    await server.stop();
  }
  return samples;
}

async function load(url: string, token: string | undefined, seconds: number): Promise<number> {
  const result = await autocannon({
    url,
    connections: 32,
    duration: seconds,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return result.requests.average;
}

/** `npm run bench -- kernel [--runs N] [--seconds S]` */
export async function run(args: string[]) {
  const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
  const seconds = Number(args[args.indexOf('--seconds') + 1]) || 5;
  console.log(`kernel benchmark: cold start x${runs}, throughput ${seconds}s x3 rounds per server, idle RSS`);

  const starts = await coldStart(runs);
  console.log(`cold start to ready (no feature plugins): ${summarize(starts, 'ms')}  target < 500 ms`);

  const config = writeConfig(['@atrium/auth/backend', join(repo, 'bench/dist/kernel/bench-plugin.js')]);
  const pinned = pinSelfToCpu(1);
  const cpu = pinned ? 0 : undefined;
  console.log(
    pinned
      ? 'servers pinned to CPU 0, load generator to CPU 1'
      : 'taskset unavailable: servers and load generator share CPUs',
  );
  const atrium = await spawnServer([main, '--config', config], {
    ready,
    env: { NODE_ENV: 'production' },
    cwd: repo,
    cpu,
  });
  const bare = await spawnServer([join(repo, 'bench/dist/kernel/bare-fastify.js')], {
    ready: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
    cpu,
  });
  try {
    const signIn = await fetch(`http://127.0.0.1:${atrium.port}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    const token = ((await signIn.json()) as { backstageIdentity: { token: string } }).backstageIdentity.token;
    const unauthorized = await fetch(`http://127.0.0.1:${atrium.port}/api/bench/ping`);
    if (unauthorized.status !== 401)
      throw new Error(`expected 401 without a token, got ${unauthorized.status}`);
    const atriumRps: number[] = [];
    const bareRps: number[] = [];
    for (let round = 0; round < 3; round++) {
      bareRps.push(await load(`http://127.0.0.1:${bare.port}/ping`, undefined, seconds));
      atriumRps.push(await load(`http://127.0.0.1:${atrium.port}/api/bench/ping`, token, seconds));
    }
    const ratio = median(atriumRps) / median(bareRps);
    console.log(`bare Fastify route: ${summarize(bareRps, 'req/s', 0)}`);
    console.log(`authenticated Atrium route (user JWT): ${summarize(atriumRps, 'req/s', 0)}`);
    console.log(`ratio: ${(ratio * 100).toFixed(1)} % of bare Fastify  target >= 70 %`);
    await new Promise((r) => setTimeout(r, 3000));
    console.log(
      `idle RSS (auth plugin + bench plugin, after load): ${(await atrium.rssMb()).toFixed(1)} MB  target < 90 MB`,
    );
  } finally {
    await Promise.all([atrium.stop(), bare.stop()]);
  }
  const idle = await spawnServer([main, '--config', writeConfig([])], {
    ready,
    env: { NODE_ENV: 'production' },
    cwd: repo,
  });
  await new Promise((r) => setTimeout(r, 2000));
  console.log(`idle RSS (no feature plugins): ${(await idle.rssMb()).toFixed(1)} MB  target < 90 MB`);
  await idle.stop();
}
