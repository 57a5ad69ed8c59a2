import { describe, expect, it } from 'vitest';
import { pluginsErrorCodes } from '../plugins-error-codes.js';
import { readPluginPackage } from './read-package.js';

const atrium = {
  id: 'radar',
  role: 'plugin',
  backend: './dist/backend/index.js',
  frontend: './dist/web/index.js',
  hostApi: '^0.1.0',
  config: { type: 'object', properties: { rings: { type: 'number', description: 'How many rings' } } },
  permissions: ['radar.read'],
  routes: '/api/radar',
  migrations: true,
  extensionPoints: { provides: ['radar.rings'] },
};
const files = (manifest: object, more: Record<string, string> = {}) =>
  Object.entries({
    'package.json': JSON.stringify(manifest),
    'dist/backend/index.js': 'export default {};',
    'dist/web/index.js': 'export default {};',
    ...more,
  }).map(([path, content]) => ({ path, content: Buffer.from(content) }));
const manifest = {
  name: '@acme/radar',
  version: '1.2.0',
  atrium,
  dependencies: { '@atrium/kernel': '0.1.0', zod: '^4' },
};

describe('readPluginPackage', () => {
  it('reads what a package declares, for the review', () => {
    const { declaration, backendEntry } = readPluginPackage(files(manifest), '0.1.3');
    expect(backendEntry).toBe('dist/backend/index.js');
    expect(declaration).toMatchObject({
      packageName: '@acme/radar',
      version: '1.2.0',
      id: 'radar',
      permissions: ['radar.read'],
      routes: '/api/radar',
      configKeys: [{ key: 'rings', type: 'number', description: 'How many rings' }],
      extensionPoints: { provides: ['radar.rings'], extends: [] },
    });
  });

  it('names each bad field of the atrium field', () => {
    const bad = {
      ...manifest,
      atrium: { ...atrium, id: 'Radar!', role: 'theme', backend: '../../etc/passwd' },
    };
    expect(() => readPluginPackage(files(bad), '0.1.0')).toThrow(
      /'atrium\.id' must be lower-case.*'atrium\.role' .*'atrium\.backend' must start with '\.\/'/,
    );
    expect(() => readPluginPackage(files({ name: 'x', version: '1.0.0' }), '0.1.0')).toThrow(
      /the 'atrium' field is missing; build the package with 'atrium plugin build'/,
    );
    const unbuilt = { ...manifest, atrium: { ...atrium, backend: './dist/backend/missing.js' } };
    expect(() => readPluginPackage(files(unbuilt), '0.1.0')).toThrow(
      /names \.\/dist\/backend\/missing\.js, which is not a file/,
    );
  });

  it('refuses dependencies the host does not share (nothing is npm-installed)', () => {
    const withDeps = { ...manifest, dependencies: { ...manifest.dependencies, 'left-pad': '1.0.0' } };
    expect(() => readPluginPackage(files(withDeps), '0.1.0')).toThrow(
      /dependencies 'left-pad' are not shared by the host/,
    );
    expect(() =>
      readPluginPackage(files({ ...withDeps, bundledDependencies: ['left-pad'] }), '0.1.0'),
    ).not.toThrow();
  });

  it('refuses a host API range this portal does not offer, with both versions named', () => {
    try {
      readPluginPackage(files({ ...manifest, atrium: { ...atrium, hostApi: '^2.0.0' } }), '0.1.0');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: pluginsErrorCodes.PLUGINS_HOST_API_MISMATCH,
        message: expect.stringContaining('needs host API ^2.0.0'),
      });
      expect((error as Error).message).toContain('offers 0.1.0');
    }
  });
});
