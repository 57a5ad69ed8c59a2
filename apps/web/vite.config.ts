import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepPreviousBuild } from '@atrium/app/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

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

export default defineConfig(({ command }) => ({
  // keepPreviousBuild: a portal serving dist/ keeps working while it is rebuilt.
  plugins: [react(), command === 'build' && workspaceSources(), keepPreviousBuild()],
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
