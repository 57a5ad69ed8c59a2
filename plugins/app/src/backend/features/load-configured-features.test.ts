import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appErrorCodes } from '../app-error-codes.js';
import { loadConfiguredFeatures } from './load-configured-features.js';

const root = mkdtempSync(join(tmpdir(), 'atrium-features-root-'));
const appBundle = join(root, 'web-dist');
mkdirSync(appBundle);
writeFileSync(
  join(appBundle, 'shared-modules.json'),
  JSON.stringify({ modules: { react: { url: '/assets/shared/react-A1.js' } } }),
);

function pluginPackage(where: string, manifest: object, files: Record<string, string> = {}): string {
  const dir = join(root, where);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const load = (specs: string[], bundleDir = appBundle) =>
  loadConfiguredFeatures(specs, { rootDir: root, bundleDir });

describe('loadConfiguredFeatures', () => {
  it('finds a plugin by folder or by package name, and names its URL after its content', async () => {
    pluginPackage(
      'node_modules/@acme/radar',
      { name: '@acme/radar', atrium: { frontend: './dist/web/index.js' } },
      { 'dist/web/index.js': 'import "react"; export default 1;' },
    );
    const dir = pluginPackage(
      'plugins/dial',
      { name: '@acme/dial', atrium: { frontend: 'dist/web/index.js' } },
      { 'dist/web/index.js': 'export default 2;' },
    );
    const [byName, byFolder] = await load(['@acme/radar', `./${relative(root, dir)}`]);
    expect(byName?.name).toBe('@acme/radar');
    expect(byFolder?.name).toBe('@acme/dial');
    // A rebuild changes the content, so the URL: browsers never keep a stale copy.
    writeFileSync(join(dir, 'dist/web/index.js'), 'export default 3;');
    const [, rebuilt] = await load(['@acme/radar', dir]);
    expect(rebuilt?.entryUrl).toMatch(/^\/assets\/features\/acme-dial-[0-9a-f]{16}\/index\.js$/);
    expect(rebuilt?.entryUrl).not.toBe(byFolder?.entryUrl);
  });

  it('needs no shared-modules.json while app.features is empty', async () => {
    expect(await load([], join(root, 'nowhere'))).toEqual([]);
  });

  it('refuses each bad entry with a code that says what to do', async () => {
    pluginPackage('plugins/no-bundle', { name: '@acme/no-bundle' });
    pluginPackage('plugins/unbuilt', { name: '@acme/unbuilt', atrium: { frontend: './dist/web/index.js' } });
    pluginPackage(
      'plugins/whole-package',
      { name: '@acme/whole', atrium: { frontend: './index.js' } },
      { 'index.js': 'export default 1;' },
    );
    pluginPackage('plugins/escapes', { name: '@acme/escapes', atrium: { frontend: '../../web-dist/x.js' } });
    const cases: Array<[string, string, RegExp]> = [
      [
        '@acme/missing',
        appErrorCodes.APP_FEATURE_NOT_FOUND,
        /'@acme\/missing' .* not found\. Is it installed/,
      ],
      ['@acme/radar/frontend', appErrorCodes.APP_FEATURE_NOT_FOUND, /Name the package \('@acme\/radar'\)/],
      ['./plugins/nothing', appErrorCodes.APP_FEATURE_NOT_FOUND, /not found at '.*plugins\/nothing'/],
      ['./plugins/no-bundle', appErrorCodes.APP_FEATURE_NO_BUNDLE, /no 'atrium.frontend'.*built-in plugins/],
      [
        './plugins/unbuilt',
        appErrorCodes.APP_FEATURE_NOT_BUILT,
        /run 'npm run build' in .*plugins\/unbuilt$/,
      ],
      ['./plugins/whole-package', appErrorCodes.APP_FEATURE_NO_BUNDLE, /not in a build folder/],
      ['./plugins/escapes', appErrorCodes.APP_FEATURE_NO_BUNDLE, /not in a build folder/],
    ];
    for (const [spec, code, message] of cases) {
      await expect(load([spec]), spec).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
    }
  });

  it('refuses bundles when the web app was built without shared modules', async () => {
    await expect(load(['@acme/radar'], join(root, 'plugins'))).rejects.toMatchObject({
      code: appErrorCodes.APP_SHARED_MODULES_MISSING,
    });
  });
});
