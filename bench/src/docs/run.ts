import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSseBlocks } from '@atrium/http-api';
import { stringify } from 'yaml';
import { startBackendProcess } from '../catalog/start-backend-process.js';
import { summarize } from '../stats.js';
import { generateSite, pageMarkdown } from './generate-site.js';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');
const PAGES = 500;
const FULL_RUNS = 3;
const REBUILD_RUNS = 7;

function writeConfig(dir: string, names: string[], token: string): string {
  const location = join(dir, 'catalog.yaml');
  writeFileSync(
    location,
    stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'bench-docs' },
      spec: { targets: names.map((n) => `./${n}/catalog-info.yaml`) },
    }),
  );
  const file = join(dir, 'app-config.yaml');
  writeFileSync(
    file,
    stringify({
      backend: {
        listen: { host: '127.0.0.1', port: 0 },
        database: { client: 'better-sqlite3', connection: { directory: join(dir, 'data') } },
        features: ['@atrium/catalog/backend', '@atrium/techdocs/backend'],
        auth: { externalAccess: [{ type: 'static', options: { token, subject: 'atrium-bench' } }] },
      },
      catalog: {
        locations: [{ type: 'file', target: location }],
        rules: [{ allow: ['Component', 'Location'] }],
      },
      // Builds come from /sync only, so the timings are of the builds asked for.
      techdocs: { refreshInterval: { hours: 24 } },
    }),
  );
  return file;
}

async function timedSync(base: string, token: string, name: string): Promise<{ ms: number; result: string }> {
  for (;;) {
    const started = performance.now();
    const response = await fetch(`${base}/api/techdocs/sync/default/component/${name}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status === 404) {
      await new Promise((r) => setTimeout(r, 200)); // the catalog has not processed the entity yet
      continue;
    }
    const messages = parseSseBlocks(await response.text()).messages;
    const ms = performance.now() - started;
    const last = messages.at(-1);
    if (last?.event !== 'finish') throw new Error(`the build of ${name} failed: ${last?.data}`);
    return { ms, result: messages.map((m) => m.data).join('\n') };
  }
}

/** `npm run bench -- docs`: a 500-page site's full build, and its rebuild after one page changed (through /sync). */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-docs-'));
  const token = 'bench-docs-token-0123456789abcdef';
  const names = Array.from({ length: FULL_RUNS }, (_, i) => `site-${i}`);
  // Each site starts as its index page only and is built once before timing: the catalog's
  // arrival of the entities triggers background builds, which must not overlap a timed one.
  const roots = names.map((n) => generateSite(dir, n, 0));
  const backend = await startBackendProcess(
    [join(repo, 'apps/backend/dist/main.js'), '--config', writeConfig(dir, names, token)],
    { cwd: dir, logFile: join(dir, 'backend.log') },
  );
  const base = `http://127.0.0.1:${backend.port}`;
  try {
    for (const name of names) await timedSync(base, token, name);
    await new Promise((r) => setTimeout(r, 3000)); // the catalog's debounced refresh, if any, is over
    for (const name of names) await timedSync(base, token, name);
    const full: number[] = [];
    for (const name of names) {
      generateSite(dir, name, PAGES);
      const { ms, result } = await timedSync(base, token, name);
      // The page list changed, so every page is rendered: a full build, not a skip.
      if (!result.includes(`${PAGES + 1} pages, ${PAGES + 1} rendered`))
        throw new Error(`expected every page rendered, got:\n${result}`);
      full.push(ms);
    }
    console.log(
      `full build of a ${PAGES + 1}-page site (sync request to finish): ${summarize(full, 'ms', 0)}  target < 10000 ms`,
    );
    const rebuild: number[] = [];
    for (let i = 1; i <= REBUILD_RUNS; i++) {
      writeFileSync(join(roots[0] as string, 'docs', 'page-7.md'), pageMarkdown(7, PAGES, i));
      const { ms, result } = await timedSync(base, token, names[0] as string);
      if (!result.includes(`${PAGES + 1} pages, 1 rendered`))
        throw new Error(`expected one page rendered, got:\n${result}`);
      rebuild.push(ms);
    }
    console.log(`rebuild after one page changed: ${summarize(rebuild, 'ms', 0)}  target < 1000 ms`);
    const unchanged: number[] = [];
    for (let i = 0; i < 3; i++) unchanged.push((await timedSync(base, token, names[0] as string)).ms);
    console.log(`sync with nothing changed: ${summarize(unchanged, 'ms', 0)}`);
    console.log(`backend memory: ${JSON.stringify(await backend.memoryMb())} MB`);
  } finally {
    await backend.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
