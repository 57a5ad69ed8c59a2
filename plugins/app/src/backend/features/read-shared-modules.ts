import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtriumError } from '@atrium/errors';
import { appErrorCodes } from '../app-error-codes.js';

/** Specifier -> the URL of the module the web app built for it (`shared-modules.json`). */
export type SharedModuleUrls = ReadonlyMap<string, string>;

/**
 * Reads which modules the built web app shares with feature bundles, from the
 * `shared-modules.json` its build writes beside index.html.
 */
export function readSharedModules(bundleDir: string): SharedModuleUrls {
  const file = join(bundleDir, 'shared-modules.json');
  if (!existsSync(file)) {
    throw new AtriumError(
      appErrorCodes.APP_SHARED_MODULES_MISSING,
      `app.features lists frontend bundles, but the web app in ${bundleDir} has no shared-modules.json for them to import React and the kernel from; rebuild it (npm run build), or build it with the shared modules plugin of @atrium/web`,
    );
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { modules?: Record<string, { url?: unknown }> };
  const urls = new Map<string, string>();
  for (const [specifier, entry] of Object.entries(parsed.modules ?? {})) {
    if (typeof entry?.url === 'string') urls.set(specifier, entry.url);
  }
  return urls;
}
