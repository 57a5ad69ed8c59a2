import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SharedModuleExports } from '@atrium/web-kernel/shared-modules';
import type { Plugin } from 'vite';

const PREFIX = '\0atrium-shared:';
const identifier = /^[A-Za-z_$][\w$]*$/;

/** `react-dom/client` -> `shared/react-dom-client`: the entry's name, so its file is `assets/shared/react-dom-client-<hash>.js`. */
const entryName = (specifier: string) => `shared/${specifier.replace(/^@/, '').replace(/\//g, '-')}`;

/**
 * The source of the entry that shares a module: it re-exports what the host provides.
 * Workspace packages are ES modules without a default export, so `export *` keeps their
 * exports static; React is CommonJS, whose names only Node can list, so every third-party
 * module's names are listed from Node's view of it.
 */
export async function sharedModuleSource(specifier: string, exports: SharedModuleExports): Promise<string> {
  if (exports !== 'all') return `export { ${exports.join(', ')} } from '${specifier}';\n`;
  if (specifier.startsWith('@atrium/')) return `export * from '${specifier}';\n`;
  const names = Object.keys((await import(specifier)) as object);
  const named = names.filter((n) => identifier.test(n) && n !== 'default' && n !== '__esModule');
  const lines = [`export { ${named.join(', ')} } from '${specifier}';`];
  if (names.includes('default')) lines.push(`export { default } from '${specifier}';`);
  return `${lines.join('\n')}\n`;
}

function packageVersion(specifier: string, fromDir: string): string | undefined {
  const name = specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
    if (dirname(dir) === dir) return undefined;
  }
}

/** One shared module in the web app's `shared-modules.json`. */
export interface SharedModuleEntry {
  /** The module the host built for it, e.g. `/assets/shared/react-<hash>.js`. */
  url: string;
  /** The version of the package the host bundles. */
  version?: string;
}

/**
 * Builds one entry module per shared specifier, from the same module graph as the app (so
 * a feature bundle gets the app's own React, router and kernel instances), and writes
 * `shared-modules.json`: specifier -> URL and version. The app plugin reads it to point
 * feature bundles' imports at these modules.
 */
export function sharedModulesPlugin(modules: Readonly<Record<string, SharedModuleExports>>): Plugin {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'atrium-shared-modules',
    apply: 'build',
    configResolved(config) {
      base = config.base;
      root = config.root;
    },
    options(options) {
      const input = options.input;
      const inputs: Record<string, string> =
        typeof input === 'string'
          ? { index: input }
          : Array.isArray(input)
            ? Object.fromEntries(input.map((file, i) => [i === 0 ? 'index' : `input-${i}`, file]))
            : { ...input };
      for (const specifier of Object.keys(modules)) inputs[entryName(specifier)] = PREFIX + specifier;
      // Entries keep their exports: that is what a feature bundle imports.
      return { ...options, input: inputs, preserveEntrySignatures: 'exports-only' };
    },
    resolveId: (id) => (id.startsWith(PREFIX) ? id : null),
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const specifier = id.slice(PREFIX.length);
      return sharedModuleSource(specifier, modules[specifier] ?? 'all');
    },
    generateBundle(_options, bundle) {
      const entries: Record<string, SharedModuleEntry> = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.facadeModuleId?.startsWith(PREFIX)) continue;
        const specifier = chunk.facadeModuleId.slice(PREFIX.length);
        entries[specifier] = { url: `${base}${chunk.fileName}`, version: packageVersion(specifier, root) };
      }
      this.emitFile({
        type: 'asset',
        fileName: 'shared-modules.json',
        source: `${JSON.stringify({ modules: entries }, null, 2)}\n`,
      });
    },
  };
}
