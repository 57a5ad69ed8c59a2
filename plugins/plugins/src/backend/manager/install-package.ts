import { NotAllowedError, PayloadTooLargeError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';
import type { InstallReview, InstallSource } from '../../common/index.js';
import type { PluginsConfig } from '../config.js';
import { integrityOf } from '../package/integrity.js';
import { readPluginPackage } from '../package/read-package.js';
import { readTarball } from '../package/tarball.js';
import { pluginsErrorCodes } from '../plugins-error-codes.js';
import { packFolder } from '../sources/folder-source.js';
import { fetchFromRegistry } from '../sources/registry-source.js';
import type { PluginsStore } from '../store/plugins-store.js';

/** What an install needs. */
export interface InstallDeps {
  store: PluginsStore;
  config: PluginsConfig;
  urlReader: UrlReaderService;
  hostApiVersion: string;
}

async function tarballOf(
  deps: InstallDeps,
  source: InstallSource,
): Promise<{ tarball: Buffer; source: string }> {
  const max = deps.config.maxTarballBytes;
  if (source.type === 'upload') {
    const tarball = Buffer.from(source.tarball, 'base64');
    if (tarball.length > max)
      throw new PayloadTooLargeError(
        `the uploaded tarball is ${tarball.length} bytes, over plugins.maxTarballBytes (${max})`,
      );
    return { tarball, source: 'upload' };
  }
  if (source.type === 'folder')
    return packFolder(deps.urlReader, { allowedRoots: deps.config.allowedRoots, maxBytes: max }, source.path);
  if (!deps.config.registry)
    throw new NotAllowedError('installing from a registry needs plugins.registry.url in the config', {
      code: pluginsErrorCodes.PLUGINS_SOURCE_REFUSED,
    });
  return fetchFromRegistry(deps.urlReader, deps.config.registry, {
    name: source.name,
    version: source.version,
    maxBytes: max,
  });
}

/**
 * Stores a package from any source: reads and checks it (tarball rules, `atrium` field,
 * host API range) without running any of it, records its sha512 integrity, and answers
 * the review. Enabling is a separate step.
 */
export async function installPackage(deps: InstallDeps, source: InstallSource): Promise<InstallReview> {
  const fetched = await tarballOf(deps, source);
  const pkg = readPluginPackage(
    readTarball(fetched.tarball, deps.config.maxTarballBytes),
    deps.hostApiVersion,
  );
  const { declaration } = pkg;
  const integrity = integrityOf(fetched.tarball);
  const added = await deps.store.addVersion(
    {
      plugin_id: declaration.id,
      version: declaration.version,
      source: fetched.source,
      integrity,
      installed_at_ms: Date.now(),
      declaration: JSON.stringify(declaration),
      tarball: fetched.tarball.toString('base64'),
    },
    declaration.packageName,
    declaration.role,
  );
  const installed = await deps.store.installedRow(declaration.id);
  return {
    pluginId: declaration.id,
    version: declaration.version,
    integrity,
    declaration,
    hostApiVersion: deps.hostApiVersion,
    enabledVersion: installed?.state === 'enabled' ? installed.enabled_version : null,
    alreadyInstalled: !added,
  };
}
