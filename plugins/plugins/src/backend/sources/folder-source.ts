import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NotAllowedError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';
import { type TarFile, writeTarball } from '../package/tarball.js';
import { pluginsErrorCodes } from '../plugins-error-codes.js';

const SKIPPED = /^(node_modules|src|\.git)(\/|$)|(^|\/)\.git(\/|$)/;

/**
 * Packs a built package folder under one of `plugins.allowedRoots` into a tarball (so it is
 * stored, hashed and loaded like the other sources). The folder is read through the
 * urlReader, whose file rule the same roots feed; `node_modules`, `src` and `.git` are left out.
 */
export async function packFolder(
  urlReader: UrlReaderService,
  allowedRoots: readonly string[],
  path: string,
): Promise<{ tarball: Buffer; source: string }> {
  const folder = resolve(path);
  const inside = allowedRoots.some((root) => {
    const rel = relative(resolve(root), folder);
    return !rel.startsWith('..') && !isAbsolute(rel);
  });
  if (!isAbsolute(path) || !inside)
    throw new NotAllowedError(
      `folder '${path}' is not an absolute path under plugins.allowedRoots (${allowedRoots.map((r) => resolve(r)).join(', ') || 'none configured'})`,
      { code: pluginsErrorCodes.PLUGINS_SOURCE_REFUSED },
    );
  const tree = await urlReader.readTree(pathToFileURL(folder).href);
  const files: TarFile[] = [];
  for (const file of await tree.files()) {
    if (SKIPPED.test(file.path)) continue;
    files.push({ path: file.path, content: await file.content() });
  }
  return { tarball: writeTarball(files), source: `folder:${folder}` };
}
