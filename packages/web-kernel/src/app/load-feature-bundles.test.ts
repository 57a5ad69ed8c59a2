// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { createApp } from './create-app.js';
import { loadFeatureBundles } from './load-feature-bundles.js';

// The served URLs stand for modules in __fixtures__, imported through vitest (which cannot
// import the file URLs of a temporary folder); the browser's own import of a served bundle
// is what the e2e test (e2e/frontend-features.test.ts) drives.
const modules: Record<string, () => Promise<Record<string, unknown>>> = {
  '/assets/features/radar/index.js': () => import('./__fixtures__/feature-bundles/by-default.js'),
  '/assets/features/named/index.js': () => import('./__fixtures__/feature-bundles/by-name.js'),
  '/assets/features/list/index.js': () => import('./__fixtures__/feature-bundles/by-list.js'),
  '/assets/features/empty/index.js': () => import('./__fixtures__/feature-bundles/no-plugin.js'),
  '/assets/features/throws/index.js': () => import('./__fixtures__/feature-bundles/throws.js'),
};
const importModule = (url: string) => modules[url]?.() ?? Promise.reject(new TypeError(`404 ${url}`));
const byDefault = '/assets/features/radar/index.js';
const byName = '/assets/features/named/index.js';
const byList = '/assets/features/list/index.js';
const empty = '/assets/features/empty/index.js';
const broken = '/assets/features/throws/index.js';

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
  document.head.innerHTML = '';
});

describe('loadFeatureBundles', () => {
  it('loads the bundles index.html lists, in order: the default export, else every exported web plugin', async () => {
    const listed = [
      { name: '@acme/radar', url: byDefault },
      { name: '@acme/named', url: byName },
      { name: '@acme/list', url: byList },
    ];
    document.head.innerHTML = `<script type="application/json" id="atrium-features">${JSON.stringify(listed)}</script>`;
    const loaded = await loadFeatureBundles({ importModule });
    expect(loaded.features.map((f) => f.id)).toEqual(['radar', 'alpha', 'beta', 'one', 'two']);
    expect(loaded.diagnostics).toEqual([]);
  });

  it('leaves out a bundle that fails to load or exports no plugin, names it, and loads the rest', async () => {
    const loaded = await loadFeatureBundles({
      importModule,
      bundles: [
        { name: '@acme/broken', url: broken },
        { name: '@acme/empty', url: empty },
        { name: '@acme/radar', url: byDefault },
      ],
    });
    expect(loaded.features.map((f) => f.id)).toEqual(['radar']);
    expect(loaded.diagnostics).toEqual([
      {
        code: 'WEB_FEATURE_LOAD_FAILED',
        message: expect.stringMatching(
          /^feature '@acme\/broken' listed in app.features could not be loaded from \/assets\/features\/throws\/index\.js: useSyncExternalStore is not a function\. Its pages/,
        ),
      },
      { code: 'WEB_FEATURE_INVALID', message: expect.stringContaining("feature '@acme/empty'") },
    ]);
    expect(consoleError).toHaveBeenCalledTimes(2);
  });

  it('loads nothing when the page lists nothing (vite dev) and reports a block it cannot read', async () => {
    expect(await loadFeatureBundles({ importModule })).toEqual({ features: [], diagnostics: [] });
    document.head.innerHTML = '<script type="application/json" id="atrium-features">[{</script>';
    const loaded = await loadFeatureBundles({ importModule });
    expect(loaded.features).toEqual([]);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['WEB_FEATURE_LOAD_FAILED']);
  });

  it("puts the loader's problems first in the app's diagnostics", async () => {
    const loaded = await loadFeatureBundles({
      importModule,
      bundles: [{ name: '@acme/empty', url: empty }],
    });
    const app = createApp({ features: loaded.features, diagnostics: loaded.diagnostics });
    expect(app.diagnostics[0]?.code).toBe('WEB_FEATURE_INVALID');
  });
});
