import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { AtriumError } from '@atrium/errors';
import { bundleFrontend, type FrontendBundle } from './bundle-frontend.js';
import { type AtriumField, describeManifest } from './describe-manifest.js';
import { pluginBuildErrorCodes } from './plugin-build-error-codes.js';
import { transpileSources } from './transpile-sources.js';

interface PluginManifest {
  name?: string;
  exports?: Record<string, unknown>;
  atrium?: { frontend?: unknown; id?: unknown };
}

/** What {@link buildPlugin} did. */
export interface PluginBuild {
  name: string;
  transpiled: number;
  /** The `atrium` field written to package.json (the plugin manager's package format). */
  atrium: AtriumField;
  /** The frontend bundle, when the package declares one in `atrium.frontend`. */
  frontend?: FrontendBundle & { entry: string };
}

function frontendSource(dir: string, manifest: PluginManifest): string {
  const declared = (manifest.exports?.['./frontend'] as { development?: unknown } | undefined)?.development;
  const source = typeof declared === 'string' ? resolve(dir, declared) : undefined;
  if (!source || !existsSync(source)) {
    throw new AtriumError(
      pluginBuildErrorCodes.PLUGIN_BUILD_NO_FRONTEND_SOURCE,
      `${dir}: package.json declares 'atrium.frontend' but its './frontend' export has no 'development' condition naming an existing source file (such as ./src/frontend/index.ts)`,
    );
  }
  return source;
}

function frontendEntry(dir: string, declared: unknown): string {
  const entry = typeof declared === 'string' ? resolve(dir, declared) : '';
  if (!entry.endsWith('.js') || !entry.startsWith(`${dir}${sep}`) || dirname(entry) === dir) {
    throw new AtriumError(
      pluginBuildErrorCodes.PLUGIN_BUILD_BAD_FRONTEND_PATH,
      `${dir}: 'atrium.frontend' is ${JSON.stringify(declared)}; name a .js file in a build folder of the package, such as './dist/web/index.js' (the whole folder is served)`,
    );
  }
  return entry;
}

/**
 * Builds a plugin package: `src/` transpiled to `dist/` for the backend (and Node
 * consumers of its entries), and, when `package.json` declares `atrium.frontend`, its
 * `./frontend` entry bundled there as an ES module that takes shared libraries from the
 * web app, which loads it when `app.features` lists the package.
 *
 * @example
 * const { frontend } = await buildPlugin('plugins/tech-radar'); // frontend.entry: 'plugins/tech-radar/dist/web/index.js'
 */
export async function buildPlugin(packageDir: string): Promise<PluginBuild> {
  const dir = resolve(packageDir);
  if (!existsSync(join(dir, 'package.json'))) {
    throw new AtriumError(
      pluginBuildErrorCodes.PLUGIN_BUILD_NOT_A_PACKAGE,
      `${dir} has no package.json; run 'atrium plugin build' in a plugin package (or pass its folder)`,
    );
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PluginManifest;
  const declared = manifest.atrium?.frontend;
  const frontend =
    declared === undefined
      ? undefined
      : { entry: frontendEntry(dir, declared), source: frontendSource(dir, manifest) };
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const transpiled = await transpileSources(dir);
  const name = manifest.name ?? dir;
  const atrium = await writeAtriumField(dir, manifest, declared);
  if (!frontend) return { name, transpiled, atrium };
  const bundle = await bundleFrontend({ packageDir: dir, ...frontend });
  return { name, transpiled, atrium, frontend: { ...bundle, entry: frontend.entry } };
}

/** Writes the `atrium` field derived from the built manifest, keeping the declared frontend entry. */
async function writeAtriumField(
  dir: string,
  manifest: PluginManifest,
  frontend: unknown,
): Promise<AtriumField> {
  const fallbackId = (manifest.name ?? '').replace(/^@[^/]+\//, '');
  const derived = await describeManifest(
    dir,
    typeof manifest.atrium?.id === 'string' ? manifest.atrium.id : fallbackId,
  );
  const atrium: AtriumField = { ...derived, ...(typeof frontend === 'string' ? { frontend } : {}) };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ ...manifest, atrium }, null, 2)}\n`);
  return atrium;
}
