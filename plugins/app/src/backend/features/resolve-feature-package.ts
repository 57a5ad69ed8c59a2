import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { AtriumError } from '@atrium/errors';
import { appErrorCodes } from '../app-error-codes.js';

/** A package listed in `app.features`, with the bundle it declares. */
export interface FeaturePackage {
  /** The entry as written in config. */
  spec: string;
  /** The package's name (its folder's name when it has none). */
  name: string;
  /** The bundle's entry module, an absolute path. */
  entry: string;
}

// A package name resolves like Node resolves it from the working directory; the folder is
// enough (a package's `exports` need not expose package.json).
function findInstalled(name: string, rootDir: string): string | undefined {
  for (let dir = rootDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function packageDir(spec: string, rootDir: string): string {
  const isPath = spec.startsWith('.') || isAbsolute(spec);
  const dir = isPath ? resolve(rootDir, spec) : findInstalled(spec, rootDir);
  if (dir && existsSync(join(dir, 'package.json')) && statSync(dir).isDirectory()) return dir;
  const hint = /\/frontend$/.test(spec)
    ? ` Name the package ('${spec.replace(/\/frontend$/, '')}'), not its entry point.`
    : isPath
      ? ' The folder must hold the package.json of a plugin.'
      : ' Is it installed (npm install)?';
  throw new AtriumError(
    appErrorCodes.APP_FEATURE_NOT_FOUND,
    `feature '${spec}' listed in app.features was not found${isPath ? ` at '${resolve(rootDir, spec)}'` : ''}.${hint}`,
  );
}

/**
 * Finds the package an `app.features` entry names (an npm package or a plugin folder) and
 * the frontend bundle its `package.json` declares in `atrium.frontend`.
 *
 * @example
 * resolveFeaturePackage('./plugins/tech-radar', process.cwd()).entry; // …/plugins/tech-radar/dist/web/index.js
 */
export function resolveFeaturePackage(spec: string, rootDir: string): FeaturePackage {
  const dir = packageDir(spec, rootDir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name?: string;
    atrium?: { frontend?: unknown };
  };
  const name = manifest.name ?? spec;
  const declared = manifest.atrium?.frontend;
  if (typeof declared !== 'string') {
    throw new AtriumError(
      appErrorCodes.APP_FEATURE_NO_BUNDLE,
      `feature '${spec}' listed in app.features declares no frontend bundle: its package.json has no 'atrium.frontend'. ` +
        "A plugin made by 'atrium new plugin' declares one; the web app's built-in plugins (catalog, scaffolder) need no entry.",
    );
  }
  const entry = resolve(dir, declared);
  // Its whole folder is served: never the package itself, never outside it.
  if (!entry.startsWith(`${dir}${sep}`) || dirname(entry) === dir) {
    throw new AtriumError(
      appErrorCodes.APP_FEATURE_NO_BUNDLE,
      `feature '${spec}' declares the bundle '${declared}', which is not in a build folder of its package; every file of that folder is served, so use a folder of its own such as './dist/web/index.js'`,
    );
  }
  if (!existsSync(entry)) {
    throw new AtriumError(
      appErrorCodes.APP_FEATURE_NOT_BUILT,
      `feature '${spec}' listed in app.features declares the bundle '${declared}', which does not exist at '${entry}'; run 'npm run build' in ${dir}`,
    );
  }
  return { spec, name, entry };
}
