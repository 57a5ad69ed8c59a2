import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPlugin } from '../plugin.js';

// A built web app: index.html with the config tag, and the shared-modules.json its build writes.
const app = mkdtempSync(join(tmpdir(), 'atrium-app-bundle-'));
mkdirSync(join(app, 'assets/shared'), { recursive: true });
writeFileSync(
  join(app, 'index.html'),
  '<html><head><script type="application/json" id="atrium-config">{}</script><script type="module" crossorigin src="/assets/index-1.js"></script></head><body></body></html>',
);
writeFileSync(join(app, 'assets/index-1.js'), 'export {};');
const shared = {
  react: { url: '/assets/shared/react-A1.js', version: '19.3.1' },
  'react/jsx-runtime': { url: '/assets/shared/react-jsx-runtime-B2.js', version: '19.3.1' },
  '@atrium/web-kernel': { url: '/assets/shared/atrium-web-kernel-C3.js', version: '0.1.0' },
};
writeFileSync(join(app, 'shared-modules.json'), JSON.stringify({ modules: shared }));

// A plugin package as `atrium plugin build` leaves it: an entry and a lazy chunk importing shared modules.
const plugin = mkdtempSync(join(tmpdir(), 'atrium-feature-'));
mkdirSync(join(plugin, 'dist/web'), { recursive: true });
writeFileSync(
  join(plugin, 'package.json'),
  JSON.stringify({ name: '@acme/radar', atrium: { frontend: './dist/web/index.js' } }),
);
const entry = `import{defineWebPlugin as p}from"@atrium/web-kernel";const page=()=>import("./chunk-Q1.js");export default p({id:"radar",extensions:[]});/*${'x'.repeat(2000)}*/`;
writeFileSync(join(plugin, 'dist/web/index.js'), entry);
writeFileSync(
  join(plugin, 'dist/web/chunk-Q1.js'),
  'import{jsx as e}from"react/jsx-runtime";export const Page=()=>e("p",{});',
);

let backend: TestBackend;
let html: string;
let entryUrl: string;
beforeAll(async () => {
  backend = await startTestBackend({
    features: [appPlugin],
    config: { app: { bundleDir: app, features: [plugin] } },
  });
  html = await (await backend.fetch('/')).text();
  entryUrl = JSON.parse(/id="atrium-features">(.*?)<\/script>/.exec(html)?.[1] ?? '[]')[0]?.url ?? '';
});
afterAll(() => backend?.stop());

describe('frontend feature bundles (app.features)', () => {
  it('lists each bundle in index.html as data, with a modulepreload link carrying its integrity', async () => {
    expect(entryUrl).toMatch(/^\/assets\/features\/acme-radar-[0-9a-f]{16}\/index\.js$/);
    const served = Buffer.from(await (await backend.fetch(entryUrl)).arrayBuffer());
    const integrity = `sha384-${createHash('sha384').update(served).digest('base64')}`;
    expect(html).toContain(
      `<link rel="modulepreload" crossorigin href="${entryUrl}" integrity="${integrity}">`,
    );
    // Before the app's module script, so the browser starts fetching it early.
    expect(html.indexOf('id="atrium-features"')).toBeLessThan(html.indexOf('type="module"'));
  });

  it("keeps the policy strict: no inline script, and the page's CSP is the default one", async () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    for (const attributes of scripts) expect(attributes).toMatch(/\bsrc=|type="application\/json"/);
    const csp = (await backend.fetch('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
  });

  it("serves the bundle with its shared imports pointed at the app's modules, immutable", async () => {
    const response = await backend.fetch(entryUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
    const body = await response.text();
    expect(body).toContain('from"/assets/shared/atrium-web-kernel-C3.js"');
    expect(body).toContain('import("./chunk-Q1.js")');
    const chunk = await backend.fetch(entryUrl.replace('index.js', 'chunk-Q1.js'));
    expect(await chunk.text()).toBe(
      'import{jsx as e}from"/assets/shared/react-jsx-runtime-B2.js";export const Page=()=>e("p",{});',
    );
  });

  it('compresses what is worth it, for browsers that accept gzip', async () => {
    const response = await backend.fetch(entryUrl, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('accept-encoding');
    // fetch decodes the body; what it decoded is the uncompressed module.
    expect(await response.text()).toContain('defineWebPlugin as p');
  });

  it('answers 404 as JSON for a file that is not in a served bundle, however the path climbs', async () => {
    // Plain '../' never reaches the server (fetch resolves it); encoded dot segments do.
    for (const path of [
      entryUrl.replace('index.js', 'missing.js'),
      '/assets/features/acme-radar-0/index.js',
      entryUrl.replace('index.js', '..%2f..%2fpackage.json'),
      entryUrl.replace('index.js', '%2e%2e/index.js'),
    ]) {
      const response = await backend.fetch(path);
      expect(response.status, path).toBe(404);
      const body = (await response.json()) as { error: { name: string }; request: { url: string } };
      expect(body.error.name).toBe('NotFoundError');
      expect(body.request.url, path).toMatch(/^\/assets\/features\//);
    }
  });
});
