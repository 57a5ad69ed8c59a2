import { existsSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertIntegrity } from '../package/integrity.js';
import { type PluginPackage, readPluginPackage } from '../package/read-package.js';
import { readTarball } from '../package/tarball.js';
import type { VersionRow } from '../store/tables.js';

/** A package unpacked on this backend for one load. */
export interface LoadedPackage {
  package: PluginPackage;
  dir: string;
  /** Absolute path of the backend entry, if the package has one. */
  backendEntry?: string;
  /** The folder of the frontend bundle (its entry is index.js), if the package has one. */
  frontendDir?: string;
}

/** The portal's own node_modules: host-shared modules resolve from it, so one copy of the kernel serves all. */
function hostNodeModules(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'node_modules', '@atrium', 'kernel'))) return join(dir, 'node_modules');
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('the portal has no node_modules with @atrium/kernel above the plugin manager');
    dir = parent;
  }
}

let loads = 0;

/**
 * Unpacks a stored version for loading: its integrity is checked first (every load, not
 * only at install), then its `atrium` field and host API range again, before any code runs.
 * Each load gets its own folder: Node caches modules by path, so a new version is new code
 * (the reconciler reuses what it imported for the same integrity).
 */
export async function loadPackage(
  row: VersionRow,
  options: { directory: string; hostApiVersion: string; maxBytes: number },
): Promise<LoadedPackage> {
  const tarball = Buffer.from(row.tarball, 'base64');
  assertIntegrity(tarball, row.integrity, `plugin '${row.plugin_id}' version ${row.version}`);
  const pkg = readPluginPackage(readTarball(tarball, options.maxBytes), options.hostApiVersion);
  loads += 1;
  const dir = resolve(
    options.directory,
    row.plugin_id,
    `${row.version}-${process.pid}-${Date.now()}-${loads}`,
  );
  await rm(dir, { recursive: true, force: true });
  for (const [path, content] of pkg.files) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content, { mode: 0o644 });
  }
  await symlink(hostNodeModules(), join(dir, 'node_modules'), 'dir');
  return {
    package: pkg,
    dir,
    ...(pkg.backendEntry ? { backendEntry: join(dir, pkg.backendEntry) } : {}),
    ...(pkg.frontendEntry ? { frontendDir: dirname(join(dir, pkg.frontendEntry)) } : {}),
  };
}
