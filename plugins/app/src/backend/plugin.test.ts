import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { definePlugin } from '@atrium/kernel';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appPlugin } from './plugin.js';

const bundle = mkdtempSync(join(tmpdir(), 'atrium-bundle-'));
mkdirSync(join(bundle, 'assets'));
writeFileSync(
  join(bundle, 'index.html'),
  '<html><head><script type="application/json" id="atrium-config">{}</script></head><body><div id="root"></div></body></html>',
);
const script = 'console.log("hello from the bundle");'.repeat(50);
writeFileSync(join(bundle, 'assets', 'index-abc123.js'), script);
writeFileSync(join(bundle, 'assets', 'index-abc123.js.gz'), gzipSync(script));
writeFileSync(join(bundle, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

// A plugin with one frontend-visible key and one secret, to check what reaches the browser.
const otherPlugin = definePlugin({
  id: 'other',
  config: z
    .object({
      shown: z.string().meta({ visibility: 'frontend' }),
      apiKey: z.string().meta({ visibility: 'secret' }),
      internal: z.string(),
    })
    .prefault({ shown: 'x', apiKey: 'y', internal: 'z' }),
  deps: {},
  init() {},
});

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend({
    features: [appPlugin, otherPlugin],
    config: {
      app: { title: 'Portal </script><script>alert(1)</script>', bundleDir: bundle },
      organization: { name: 'Acme' },
      other: { shown: 'visible', apiKey: 'sk-secret-123', internal: 'server-only' },
    },
  });
});
afterAll(() => backend.stop());

describe('app plugin', () => {
  it('serves index.html with the frontend-visible config and nothing else', async () => {
    const response = await backend.fetch('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    const json = /id="atrium-config">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    const config = JSON.parse(json) as Record<string, unknown>;
    expect(config).toMatchObject({
      app: { title: 'Portal </script><script>alert(1)</script>', baseUrl: 'http://localhost:7007' },
      organization: { name: 'Acme' },
      backend: { baseUrl: 'http://localhost:7007' },
      other: { shown: 'visible' },
    });
    expect(html).not.toContain('sk-secret-123');
    expect(html).not.toContain('server-only');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('falls back to index.html for client-side routes but not for API paths', async () => {
    const page = await backend.fetch('/catalog/default/component/payments');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('atrium-config');
    const api = await backend.fetch('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { name: string } }).error.name).toBe('NotFoundError');
    expect((await backend.fetch('/assets/missing-123.js')).status).toBe(404);
  });

  it('serves hashed assets as immutable and precompressed', async () => {
    const response = await backend.fetch('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe(script);
    expect((await backend.fetch('/favicon.svg')).headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the security headers with the app, its assets, its fallback and API errors', async () => {
    for (const path of [
      '/',
      '/assets/index-abc123.js',
      '/catalog/default/component/x',
      '/api/nothing-here',
    ]) {
      const response = await backend.fetch(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self';");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('puts the config in a JSON data block, so no inline script needs unsafe-inline', async () => {
    const html = await (await backend.fetch('/')).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/\bsrc=|type="application\/json"/);
  });

  it('offers the same config as JSON for vite dev, without a credential', async () => {
    const response = await backend.fetch('/api/app/config');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ other: { shown: 'visible' } });
  });
});
