import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepPreviousBuild } from '@atrium/app/vite';
import { sharedModules } from '@atrium/web-kernel/shared-modules';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { sharedModulesPlugin } from './src/build/shared-modules-plugin.js';

const backend = 'http://localhost:7007';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Resolves `@atrium/*` imports to the TypeScript source their `development` export names.
 * The production build uses this instead of the global `development` condition, which
 * would also pull in the development builds of third-party packages (emotion, micromark).
 */
function workspaceSources(): Plugin {
  return {
    name: 'atrium-workspace-sources',
    enforce: 'pre',
    resolveId(source) {
      const match = /^(@atrium\/[^/]+)(\/.*)?$/.exec(source);
      if (!match) return null;
      const [, name = '', subpath] = match;
      const dir = realpathSync(join(repoRoot, 'node_modules', name));
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const entry = manifest.exports?.[subpath ? `.${subpath}` : '.'];
      return typeof entry?.development === 'string' ? join(dir, entry.development) : null;
    },
  };
}

/**
 * What feature bundles listed in `app.features` import from this app: the web kernel's
 * shared modules, plus the `/frontend` entries of the plugins built into it (features.ts),
 * so a bundle can use their blueprints (an entity tab, a form field).
 */
const shared = {
  ...sharedModules,
  '@atrium/catalog/frontend': 'all',
  '@atrium/scaffolder/frontend': 'all',
  '@atrium/search/frontend': 'all',
} as const;

export default defineConfig(({ command }) => ({
  // keepPreviousBuild: a portal serving dist/ keeps working while it is rebuilt.
  plugins: [
    react(),
    command === 'build' && workspaceSources(),
    sharedModulesPlugin(shared),
    keepPreviousBuild(),
  ],
  resolve: {
    // In dev, workspace packages are served from their TypeScript sources (`development` export).
    conditions: command === 'serve' ? ['development', ...defaultClientConditions] : defaultClientConditions,
  },
  server: {
    proxy: { '/api': backend, '/.well-known': backend },
  },
  preview: {
    proxy: { '/api': backend, '/.well-known': backend },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The budget is 400 KB gzipped for the first page; react-dom and MUI alone pass Vite's
    // 500 KB minified default, so the warning would fire on every build.
    chunkSizeWarningLimit: 900,
  },
}));
