import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlugin } from './build-plugin.js';
import { pluginBuildErrorCodes } from './plugin-build-error-codes.js';

const manifest = {
  name: '@acme/radar',
  type: 'module',
  exports: {
    './backend': { development: './src/backend/index.ts', default: './dist/backend/index.js' },
    './frontend': { development: './src/frontend/index.ts', default: './dist/frontend/index.js' },
  },
  atrium: { frontend: './dist/web/index.js' },
};

const backendIndex = `export default {
  $$type: '@atrium/Plugin', id: 'radar', permissions: [{ type: 'basic', name: 'radar.blip.read' }],
  migrations: { '0001_blips': {} }, extensionPoints: { rings: { id: 'radar.rings' } },
};
`;

function pluginPackage(files: Record<string, string>, packageJson: object = manifest): string {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-plugin-build-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson));
  // The manifest is plain data (definePlugin's output); the package's own imports do not resolve from a temp folder.
  const all = { 'src/backend/index.ts': backendIndex, ...files };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const frontendIndex = `import { defineWebPlugin, PageBlueprint } from '@atrium/web-kernel';
export default defineWebPlugin({ id: 'radar', extensions: [
  PageBlueprint.make({ params: { path: '/radar', title: 'Radar', loader: () => import('./page.js').then((m) => <m.Page />) } }),
] });
`;
const page = (imports: string) => `${imports}
export function Page() {
  const [n] = useState(shout('radar'));
  return <Link to="/radar">{n}</Link>;
}
`;

describe('buildPlugin', () => {
  it('transpiles src/ and bundles the frontend, leaving shared modules to the web app', async () => {
    const dir = pluginPackage({
      'src/frontend/index.ts': frontendIndex.replace('<m.Page />', 'm.Page()'),
      'src/frontend/page.tsx': page(
        "import { useState } from 'react';\nimport { Link } from 'react-router';\nimport { shout } from './shout.js';",
      ),
      'src/frontend/shout.ts': "export const shout = (s: string) => s.toUpperCase() + '!';\n",
      'src/frontend/page.test.tsx': 'this file is a test and is never built',
    });
    const result = await buildPlugin(dir);
    expect(result.name).toBe('@acme/radar');
    expect(existsSync(join(dir, 'dist/backend/index.js'))).toBe(true);
    expect(existsSync(join(dir, 'dist/frontend/page.test.js'))).toBe(false);
    expect(result.frontend?.entry).toBe(join(dir, 'dist/web/index.js'));

    const modules = readdirSync(join(dir, 'dist/web')).filter((f) => f.endsWith('.js'));
    expect(modules.sort()).toEqual(['index.js', expect.stringMatching(/^chunk-\w+\.js$/)].sort());
    const code = modules.map((f) => readFileSync(join(dir, 'dist/web', f), 'utf8')).join('\n');
    // Shared modules stay imports, one per line (the app rewrites them); own code is bundled.
    expect(code).toMatch(/^import \{[^}]*\bdefineWebPlugin\b[^}]*\} from "@atrium\/web-kernel";$/m);
    expect(code).toMatch(/^import \{[^}]*\buseState\b[^}]*\} from "react";$/m);
    expect(code).toMatch(/^import \{[^}]*\bLink\b[^}]*\} from "react-router";$/m);
    expect(code).toMatch(/^import \{[^}]*\} from "react\/jsx-runtime";$/m);
    expect(code).toContain('toUpperCase()');
    expect(code).not.toMatch(/from "\.\/shout/);
    expect(result.frontend?.bytes).toBeLessThan(10_000);
    // The plugin manager's package format, derived from the built manifest.
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).atrium).toEqual({
      id: 'radar',
      role: 'plugin',
      backend: './dist/backend/index.js',
      frontend: './dist/web/index.js',
      hostApi: expect.stringMatching(/^\^\d+\.\d+\.\d+$/),
      permissions: ['radar.blip.read'],
      routes: '/api/radar',
      migrations: true,
      extensionPoints: { provides: ['radar.rings'] },
    });
  });

  it('refuses a backend entry whose default export is not a plugin or module', async () => {
    const dir = pluginPackage(
      { 'src/backend/index.ts': 'export const id: string = "radar";\n' },
      { ...manifest, atrium: undefined },
    );
    await expect(buildPlugin(dir)).rejects.toMatchObject({
      code: pluginBuildErrorCodes.PLUGIN_BUILD_NO_MANIFEST,
    });
  });

  it('refuses a deep import into a shared package and a name the app does not share', async () => {
    const deep = pluginPackage({
      'src/frontend/index.ts': "import Button from '@mui/material/Button';\nexport default Button;\n",
    });
    await expect(buildPlugin(deep)).rejects.toMatchObject({
      code: pluginBuildErrorCodes.PLUGIN_BUILD_FRONTEND_FAILED,
      message: expect.stringMatching(
        /src\/frontend\/index\.ts:1:\d+: '@mui\/material\/Button' is part of '@mui\/material', which the web app shares as '@mui\/material', '@mui\/material\/styles', '@mui\/material\/utils' only/,
      ),
    });
    const dataRouter = pluginPackage({
      'src/frontend/index.ts':
        "import { useLoaderData } from 'react-router';\nexport default useLoaderData;\n",
    });
    await expect(buildPlugin(dataRouter)).rejects.toMatchObject({
      code: pluginBuildErrorCodes.PLUGIN_BUILD_FRONTEND_FAILED,
      message: expect.stringContaining('"useLoaderData"'),
    });
  });

  it('builds only dist/ for a package without a frontend bundle, and checks the declared one', async () => {
    const backendOnly = pluginPackage({}, { ...manifest, atrium: undefined });
    expect((await buildPlugin(backendOnly)).frontend).toBeUndefined();
    expect(existsSync(join(backendOnly, 'dist/backend/index.js'))).toBe(true);

    const wholePackage = pluginPackage({}, { ...manifest, atrium: { frontend: './index.js' } });
    await expect(buildPlugin(wholePackage)).rejects.toMatchObject({
      code: pluginBuildErrorCodes.PLUGIN_BUILD_BAD_FRONTEND_PATH,
    });
    const noSource = pluginPackage({}, { ...manifest, exports: {} });
    await expect(buildPlugin(noSource)).rejects.toMatchObject({
      code: pluginBuildErrorCodes.PLUGIN_BUILD_NO_FRONTEND_SOURCE,
    });
    await expect(buildPlugin(join(noSource, 'src'))).rejects.toMatchObject({
      code: pluginBuildErrorCodes.PLUGIN_BUILD_NOT_A_PACKAGE,
    });
  });
});
