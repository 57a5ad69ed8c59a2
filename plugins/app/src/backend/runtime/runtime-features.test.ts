import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineModule } from '@atrium/kernel';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStates, sharedModules } from '../__fixtures__/state-stream.js';
import { appPlugin } from '../plugin.js';
import {
  appFrontendFeaturesExtensionPoint,
  type FrontendFeatureSource,
  type RuntimeFrontendFeature,
} from './frontend-feature-source.js';

const app = mkdtempSync(join(tmpdir(), 'atrium-app-bundle-'));
writeFileSync(
  join(app, 'index.html'),
  '<html><head><script type="application/json" id="atrium-config">{}</script></head><body></body></html>',
);
writeFileSync(join(app, 'shared-modules.json'), JSON.stringify({ modules: sharedModules }));

// An installed runtime plugin's built frontend: an entry importing the shared kernel.
const bundle = mkdtempSync(join(tmpdir(), 'atrium-runtime-feature-'));
mkdirSync(bundle, { recursive: true });
writeFileSync(
  join(bundle, 'index.js'),
  'import{defineWebPlugin as p}from"@atrium/web-kernel";export default p({id:"dial",extensions:[]});',
);

// A source like the plugin manager's: a list that changes, and listeners to tell.
let enabled: RuntimeFrontendFeature[] = [];
const listeners = new Set<() => void>();
const source: FrontendFeatureSource = {
  id: 'test-source',
  list: async () => enabled,
  subscribe(onChange) {
    listeners.add(onChange);
    return () => listeners.delete(onChange);
  },
};
const setEnabled = (features: RuntimeFrontendFeature[]) => {
  enabled = features;
  for (const listener of listeners) listener();
};

let backend: TestBackend;
beforeAll(async () => {
  const sourceModule = defineModule({
    plugin: 'app',
    id: 'test-source',
    deps: {},
    extensionPoints: { frontendFeatures: appFrontendFeaturesExtensionPoint },
    init({ extensions }) {
      extensions.frontendFeatures.add(source);
    },
  });
  backend = await startTestBackend({
    features: [appPlugin, sourceModule],
    config: { app: { bundleDir: app } },
  });
});
afterAll(() => backend?.stop());

describe('runtime frontend features (seam C)', () => {
  it('pushes a state naming an enabled bundle, serves it rewritten, and drops it when disabled', async () => {
    const stream = readStates(await backend.fetch('/api/app/frontend-state/stream'));
    const first = await stream.next();
    expect(first.features).toEqual([]);

    setEnabled([{ name: '@acme/dial', version: '1.0.0', dir: bundle }]);
    const added = await stream.until((s) => s.features.length === 1);
    const url = added.features[0]?.url ?? '';
    expect(url).toMatch(/^\/assets\/features\/acme-dial-[0-9a-f]{16}\/index\.js$/);
    const served = await (await backend.fetch(url)).text();
    expect(served).toContain('/assets/shared/atrium-web-kernel-C3.js');
    // A fresh page starts from the same state, and the state route agrees.
    expect(await (await backend.fetch('/')).text()).toContain(url);
    const state = await (await backend.fetch('/api/app/frontend-state')).json();
    expect(state.revision).toBe(added.revision);

    setEnabled([]);
    const removed = await stream.until((s) => s.features.length === 0);
    expect(removed.revision).toBe(first.revision);
    await stream.close();
  });

  it('leaves out a runtime bundle without an entry and keeps serving the rest', async () => {
    const stream = readStates(await backend.fetch('/api/app/frontend-state/stream'));
    await stream.next();
    setEnabled([
      { name: '@acme/broken', version: '0.0.1', dir: join(bundle, 'missing') },
      { name: '@acme/dial', version: '1.0.0', dir: bundle },
    ]);
    const state = await stream.until((s) => s.features.length > 0);
    expect(state.features.map((f) => f.name)).toEqual(['@acme/dial']);
    setEnabled([]);
    await stream.close();
  });
});
