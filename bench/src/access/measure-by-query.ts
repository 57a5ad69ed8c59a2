import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { stringify } from 'yaml';
import { pinSelfToCpu, type ServerProcess, spawnServer } from '../spawn-server.js';
import { generateCatalogYaml, generatePolicy, type OrgSize, ownershipRefs } from './access-org.js';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');
const QUERY = '/api/catalog/entities/by-query?filter=kind=component&limit=20';

function writeFiles(size: OrgSize, components: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-access-'));
  writeFileSync(join(dir, 'catalog.yaml'), generateCatalogYaml(size, components));
  writeFileSync(join(dir, 'policy.yaml'), stringify(generatePolicy(size), { aliasDuplicateObjects: false }));
  const config = {
    backend: {
      listen: { host: '127.0.0.1', port: 0 },
      database: { client: 'better-sqlite3', connection: { directory: join(dir, 'data') } },
      features: [
        '@atrium/catalog/backend',
        '@atrium/rbac/backend',
        '@atrium/permission/backend',
        join(repo, 'bench/dist/access/token-plugin.js'),
      ],
    },
    catalog: {
      rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
      locations: [{ type: 'file', target: join(dir, 'catalog.yaml') }],
    },
    permission: { rbac: { policyFile: join(dir, 'policy.yaml') } },
  };
  writeFileSync(join(dir, 'app-config.yaml'), stringify(config));
  return join(dir, 'app-config.yaml');
}

async function tokenFor(server: ServerProcess, user: number, size: OrgSize): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/bench-tokens/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: `user:default/u${user}`, refs: ownershipRefs(user, size) }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function totalFor(server: ServerProcess, token: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${server.port}${QUERY}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { totalItems: number }).totalItems;
}

async function latency(server: ServerProcess, token: string, seconds: number) {
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}${QUERY}`,
    connections: 16,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { median: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

const read = {
  type: 'resource',
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
};

/** `POST /api/permission/authorize` with `items` items (conditional reads and reads of one entity each), 16 clients. */
async function authorizeLatency(server: ServerProcess, token: string, items: number, seconds: number) {
  const body = JSON.stringify({
    items: Array.from({ length: items }, (_, i) => ({
      id: String(i),
      permission: read,
      ...(i % 2 ? { resourceRef: `component:default/c${i}` } : {}),
    })),
  });
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}/api/permission/authorize`,
    method: 'POST',
    connections: 16,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`authorize: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { median: result.latency.p50, p99: result.latency.p99 };
}

/** by-query p99 for a user limited to their team's entities vs an operator who may read everything, 16 clients. */
export async function measureByQuery(size: OrgSize, components: number, seconds: number, rounds: number) {
  const config = writeFiles(size, components);
  const cpu = pinSelfToCpu(1) ? 0 : undefined;
  const server = await spawnServer([join(repo, 'apps/backend/dist/main.js'), '--config', config], {
    ready: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
    env: { NODE_ENV: 'production' },
    cwd: repo,
    cpu,
    timeoutMs: 120_000,
  });
  try {
    const admin = await tokenFor(server, 0, size);
    const restricted = await tokenFor(server, 61, size);
    const started = Date.now();
    let lastReport = started;
    for (
      let total = await totalFor(server, admin);
      total < components;
      total = await totalFor(server, admin)
    ) {
      if (Date.now() - started > 900_000)
        throw new Error(`the catalog did not ingest in 15 minutes (${total} components)`);
      if (Date.now() - lastReport > 30_000) {
        console.log(
          `  ingesting: ${total} of ${components} components after ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
        lastReport = Date.now();
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    const ingestSeconds = (Date.now() - started) / 1000;
    const visible = await totalFor(server, restricted);
    const results = {
      admin: [] as Awaited<ReturnType<typeof latency>>[],
      restricted: [] as Awaited<ReturnType<typeof latency>>[],
    };
    await latency(server, admin, 2);
    for (let r = 0; r < rounds; r++) {
      results.admin.push(await latency(server, admin, seconds));
      results.restricted.push(await latency(server, restricted, seconds));
    }
    const authorize = {
      single: await authorizeLatency(server, restricted, 1, seconds),
      batch: await authorizeLatency(server, restricted, 100, seconds),
    };
    return { ingestSeconds, visible, results, authorize };
  } finally {
    await server.stop();
  }
}
