import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { type SharedModuleEntry, sharedModuleSource, sharedModulesPlugin } from './shared-modules-plugin.js';

describe('sharedModuleSource', () => {
  it("lists a CommonJS module's names (React's), with its default export", async () => {
    const source = await sharedModuleSource('react', 'all');
    expect(source).toMatch(/^export \{ .*\buseState\b.* \} from 'react';$/m);
    expect(source).toContain("export { default } from 'react';");
  });

  it('re-exports only the names a module shares, and all of a workspace package', async () => {
    expect(await sharedModuleSource('react-router', ['Link', 'useParams'])).toBe(
      "export { Link, useParams } from 'react-router';\n",
    );
    expect(await sharedModuleSource('@atrium/errors', 'all')).toBe("export * from '@atrium/errors';\n");
  });
});

describe('sharedModulesPlugin', () => {
  it("builds each shared module from the app's own graph and lists it in shared-modules.json", async () => {
    const root = join(import.meta.dirname, '__fixtures__/shared-app');
    const outDir = mkdtempSync(join(tmpdir(), 'atrium-shared-build-'));
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [sharedModulesPlugin({ react: 'all', 'react-dom': ['version'] })],
      build: { outDir, emptyOutDir: true, minify: false, modulePreload: false },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, 'shared-modules.json'), 'utf8')) as {
      modules: Record<string, SharedModuleEntry>;
    };
    expect(Object.keys(manifest.modules).sort()).toEqual(['react', 'react-dom']);
    expect(manifest.modules.react).toEqual({
      url: expect.stringMatching(/^\/assets\/shared\/react-[\w-]+\.js$/),
      version: expect.stringMatching(/^19\./),
    });

    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const appEntry = /src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    const load = (url: string) => import(pathToFileURL(join(outDir, url)).href);
    await load(appEntry);
    const shared = await load(manifest.modules.react?.url ?? '');
    const hostReact = (globalThis as { hostReact?: { useState: unknown } }).hostReact;
    // One React: the shared module's exports are the app's own.
    expect(shared.useState).toBe(hostReact?.useState);
    expect(shared.default.useState).toBe(hostReact?.useState);
    expect(Object.keys(await load(manifest.modules['react-dom']?.url ?? ''))).toEqual(['version']);
  });
});
