import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_LIST_FILE, keepPreviousBuild } from '../vite/index.js';
import { appPlugin } from './plugin.js';

// A tiny web app built by Vite with the plugin the real web app uses: an entry, a style
// and a lazily loaded chunk, as in apps/web.
const project = mkdtempSync(join(tmpdir(), 'atrium-web-'));
const dist = join(project, 'dist');
mkdirSync(join(project, 'src'));
writeFileSync(
  join(project, 'index.html'),
  '<!doctype html><html><head><script type="application/json" id="atrium-config">{}</script></head>' +
    '<body><div id="root"></div><script type="module" src="/src/main.js"></script></body></html>',
);

async function buildVersion(version: number): Promise<string[]> {
  writeFileSync(join(project, 'src/style.css'), `body { margin: ${version}px; }\n`);
  writeFileSync(join(project, 'src/lazy.js'), `export const page = 'page of build ${version}';\n`);
  writeFileSync(
    join(project, 'src/main.js'),
    `import './style.css';\nconsole.log('build ${version}');\nimport('./lazy.js').then((m) => console.log(m.page));\n`,
  );
  await build({
    root: project,
    configFile: false,
    logLevel: 'silent',
    plugins: [keepPreviousBuild()],
    build: { outDir: 'dist', sourcemap: true },
  });
  const list = JSON.parse(readFileSync(join(dist, BUILD_LIST_FILE), 'utf8')) as { files: string[] };
  return list.files.filter((file) => file.startsWith('assets/'));
}

const assetsOf = (page: string) => [...page.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);

let backend: TestBackend;
let firstBuild: string[];
beforeAll(async () => {
  firstBuild = await buildVersion(1);
  backend = await startTestBackend({ features: [appPlugin], config: { app: { bundleDir: dist } } });
});
afterAll(() => backend?.stop());

async function statusOf(path: string): Promise<number> {
  return (await backend.fetch(`/${path}`)).status;
}

describe('a rebuild of the bundle while the portal runs', () => {
  it('serves the new index with its assets, and keeps the previous build for open pages', async () => {
    const before = await (await backend.fetch('/')).text();
    expect(assetsOf(before).length).toBeGreaterThanOrEqual(2);
    for (const asset of assetsOf(before)) expect(await statusOf(asset as string), asset).toBe(200);

    const secondBuild = await buildVersion(2);
    const after = await (await backend.fetch('/')).text();
    expect(after).not.toBe(before);
    expect(after).toContain('id="atrium-config">{');
    for (const asset of assetsOf(after)) expect(await statusOf(asset as string), asset).toBe(200);
    // A page opened before the build still loads its code, the lazy chunk included.
    expect(firstBuild.some((file) => file.endsWith('.js') && !assetsOf(before).includes(file))).toBe(true);
    for (const file of firstBuild) expect(await statusOf(file), file).toBe(200);

    // One build later, the first build's files are removed; the second's stay.
    await buildVersion(3);
    for (const file of firstBuild.filter((f) => !secondBuild.includes(f)))
      expect(await statusOf(file), file).toBe(404);
    for (const file of secondBuild) expect(await statusOf(file), file).toBe(200);
  });

  it('keeps serving the previous index until every asset the new one names exists', async () => {
    const served = await (await backend.fetch('/')).text();
    // A build tool that writes index.html before its assets.
    const next = served.replace(/\/assets\/[^"]+\.js/, '/assets/next-build.js');
    writeFileSync(join(dist, 'index.html.tmp'), next.replace(/(id="atrium-config">)[^<]*/, '$1{}'));
    renameSync(join(dist, 'index.html.tmp'), join(dist, 'index.html'));
    expect(await (await backend.fetch('/')).text()).toBe(served);
    writeFileSync(join(dist, 'assets/next-build.js'), 'console.log("next");\n');
    const switched = await (await backend.fetch('/')).text();
    expect(switched).toContain('/assets/next-build.js');
    expect(await statusOf('assets/next-build.js')).toBe(200);
  });
});
