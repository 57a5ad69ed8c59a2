import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { stringify } from 'yaml';
import { ALL_KINDS } from '../catalog/bench-config.js';
import { createCatalogHttp } from '../catalog/catalog-http.js';
import { generateCatalog } from '../catalog/generate-catalog.js';
import { measureIngest } from '../catalog/measure-ingest.js';
import { startBackendProcess } from '../catalog/start-backend-process.js';
import { median, summarize } from '../stats.js';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function writeConfig(dir: string, rootFile: string, catalogDir: string, token: string): string {
  const file = join(dir, 'app-config.yaml');
  writeFileSync(
    file,
    stringify({
      app: { title: 'Atrium bench' },
      backend: {
        listen: { host: '127.0.0.1', port: 0 },
        database: { client: 'better-sqlite3', connection: { directory: join(dir, 'data') } },
        features: ['@atrium/auth/backend', '@atrium/app/backend', '@atrium/catalog/backend'],
        auth: { externalAccess: [{ type: 'static', options: { token, subject: 'atrium-bench' } }] },
      },
      auth: { providers: { guest: { dangerouslyAllowOutsideDevelopment: true } } },
      catalog: {
        locations: [{ type: 'file', target: rootFile }],
        allowedFileRoots: [catalogDir],
        rules: [{ allow: ALL_KINDS }],
        processingInterval: { minutes: 30 },
      },
    }),
  );
  return file;
}

/** Encoded (over-the-wire) bytes of every script the page loads until the network is idle. */
async function scriptBytes(page: Page, url: string, ready: () => Promise<unknown>): Promise<number> {
  const sizes: Array<Promise<number>> = [];
  const listener = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() === 'script')
      sizes.push(
        response
          .request()
          .sizes()
          .then((s) => s.responseBodySize),
      );
  };
  page.on('response', listener);
  await page.goto(url);
  await ready();
  await page.waitForLoadState('networkidle');
  page.off('response', listener);
  // A response served from the memory cache reports a negative size: it transferred nothing.
  return (await Promise.all(sizes)).reduce((a, b) => a + Math.max(0, b), 0);
}

async function timeTo(page: Page, url: string, visible: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await visible();
  return performance.now() - started;
}

/** `npm run bench -- web [--n 100000] [--runs 5]` */
export async function run(args: string[]) {
  const n = Number(args[args.indexOf('--n') + 1]) || 100_000;
  const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-web-'));
  const catalogDir = join(dir, 'catalog');
  mkdirSync(catalogDir);
  console.log(`web benchmark: generating a ${n}-entity catalog`);
  const generated = generateCatalog({ total: n, directory: catalogDir });
  const token = 'bench-web-token-0123456789';
  const config = writeConfig(dir, generated.rootFile, catalogDir, token);
  const backend = await startBackendProcess([join(repo, 'apps/backend/dist/main.js'), '--config', config], {
    cwd: repo,
    logFile: join(dir, 'backend.log'),
    env: { NODE_ENV: 'production' },
    timeoutMs: 120_000,
  });
  const profile = mkdtempSync(join(tmpdir(), 'atrium-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: flags,
  });
  try {
    const http = createCatalogHttp(backend.port, token);
    const ingest = await measureIngest(http, {
      spawnedAt: backend.spawnedAt,
      expectedCount: generated.total + 1,
      sample: generated.sample,
      timeoutMs: 600_000,
      pollMs: 500,
      logFile: backend.logFile,
    });
    console.log(`catalog ingested in ${ingest.seconds.toFixed(1)} s`);
    const base = `http://127.0.0.1:${backend.port}`;
    const page = context.pages()[0] ?? (await context.newPage());

    const signedOut = await scriptBytes(page, `${base}/`, () =>
      page.getByRole('button', { name: /guest/i }).waitFor(),
    );
    await page.getByRole('button', { name: /guest/i }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // Signed in, the first page is measured as a returning user without cached scripts.
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
    const home = await scriptBytes(page, `${base}/`, () => page.getByRole('heading', { level: 1 }).waitFor());
    console.log(
      `JavaScript transferred, first page signed out: ${(signedOut / 1024).toFixed(1)} KB; signed in (home): ${(home / 1024).toFixed(1)} KB  target < 400 KB`,
    );

    const firstRow = () =>
      page
        .getByRole('table', { name: 'Catalog entities' })
        .getByRole('link')
        .first()
        .waitFor({ timeout: 30_000 });
    const catalogTimes: number[] = [];
    for (let i = 0; i < runs; i++)
      catalogTimes.push(await timeTo(page, `${base}/catalog?kind=component`, firstRow));
    console.log(
      `catalog page, first rows visible after navigation (${n} entities): ${summarize(catalogTimes, 'ms', 0)}  target < 1000 ms`,
    );

    const aboutCard = () => page.getByRole('region', { name: 'About' }).waitFor({ timeout: 30_000 });
    const target = generated.editable[0];
    const entityTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      entityTimes.push(await timeTo(page, `${base}/catalog/default/component/${target?.name}`, aboutCard));
    }
    console.log(`entity page visible after navigation: ${summarize(entityTimes, 'ms', 0)}  target < 500 ms`);

    // Inside the app (the usual way): the nav link to the catalog, then a row's link.
    const inAppCatalog: number[] = [];
    const inAppEntity: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      let started = performance.now();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
      await firstRow();
      inAppCatalog.push(performance.now() - started);
      const link = page.getByRole('table', { name: 'Catalog entities' }).getByRole('link').first();
      started = performance.now();
      await link.click();
      await aboutCard();
      inAppEntity.push(performance.now() - started);
    }
    console.log(`in-app: catalog link to first rows: ${summarize(inAppCatalog, 'ms', 0)}`);
    console.log(`in-app: table row link to entity page: ${summarize(inAppEntity, 'ms', 0)}`);
    console.log(
      `medians: catalog ${median(catalogTimes).toFixed(0)} ms, entity ${median(entityTimes).toFixed(0)} ms (full page loads); in-app ${median(inAppCatalog).toFixed(0)} / ${median(inAppEntity).toFixed(0)} ms`,
    );
  } finally {
    await context.close();
    await backend.stop();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
