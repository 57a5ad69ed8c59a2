import { isPluginFrontendEntry, type SharedModuleExports } from '@atrium/web-kernel/shared-modules';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'atrium-shared';
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Leaves imports of the modules the web app shares to the app (the app plugin points them
 * at its own copies), so a bundle never carries a second React, router or kernel. A module
 * the app shares in part goes through a module re-exporting only those names, so that
 * esbuild itself refuses an import of any other. A deep import into a shared package
 * (`@mui/material/Button`) would bundle a second copy of part of it: refused too.
 */
export function sharedImportsPlugin(shared: Readonly<Record<string, SharedModuleExports>>): Plugin {
  const sharedPackages = new Map<string, string[]>();
  for (const specifier of Object.keys(shared)) {
    const list = sharedPackages.get(packageOf(specifier)) ?? [];
    sharedPackages.set(packageOf(specifier), [...list, specifier]);
  }
  return {
    name: 'atrium-shared-imports',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const specifier = args.path;
        const exports = shared[specifier];
        if (args.namespace === NAMESPACE || exports === 'all' || isPluginFrontendEntry(specifier)) {
          return { path: specifier, external: true };
        }
        if (exports) return { path: specifier, namespace: NAMESPACE };
        const offered = sharedPackages.get(packageOf(specifier));
        if (!offered) return undefined;
        return {
          errors: [
            {
              text: `'${specifier}' is part of '${packageOf(specifier)}', which the web app shares as ${offered.map((s) => `'${s}'`).join(', ')} only; import from that instead, so the page keeps one copy`,
            },
          ],
        };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const names = shared[args.path];
        return {
          contents: `export { ${Array.isArray(names) ? names.join(', ') : ''} } from '${args.path}';\n`,
          loader: 'js',
        };
      });
    },
  };
}
