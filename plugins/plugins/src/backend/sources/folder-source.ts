import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NotAllowedError, PayloadTooLargeError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';
import { type TarFile, writeTarball } from '../package/tarball.js';
import { pluginsErrorCodes } from '../plugins-error-codes.js';

const SKIPPED = /^(node_modules|src|\.git)(\/|$)|(^|\/)\.git(\/|$)/;
// `<repo>.git/tree/<ref>/<folder>`: a folder at a ref of a bare repository, read by the urlReader.
const GIT_TREE = /\.git\/(tree|blob)\//;

const isInside = (root: string, path: string) => {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
};

/** The path with symlinks resolved as far as it exists (a git tree path exists only up to the repository). */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await realPathOf(parent), basename(path));
  }
}

function refused(path: string, roots: readonly string[], why: string): NotAllowedError {
  return new NotAllowedError(
    `folder '${path}' ${why} plugins.allowedRoots (${roots.join(', ') || 'none configured'})`,
    { code: pluginsErrorCodes.PLUGINS_SOURCE_REFUSED, details: { path } },
  );
}

/**
 * Packs a built package folder under one of `plugins.allowedRoots` (or a folder at a branch
 * or tag of a bare repository there, `<repo>.git/tree/<ref>/<folder>`) into a tarball, so it
 * is stored, hashed and loaded like the other sources. The folder is read through the
 * urlReader, whose file rule the same roots feed; on top of it, the folder and each file
 * must really (symlinks resolved) lie under plugins.allowedRoots, not merely under another
 * readable root, and the files together stay under `plugins.maxTarballBytes`.
 * `node_modules`, `src` and `.git` are left out.
 */
export async function packFolder(
  urlReader: UrlReaderService,
  limits: { allowedRoots: readonly string[]; maxBytes: number },
  path: string,
): Promise<{ tarball: Buffer; source: string }> {
  const named = limits.allowedRoots.map((root) => resolve(root));
  const folder = resolve(path);
  if (!isAbsolute(path) || !named.some((root) => isInside(root, folder)))
    throw refused(path, named, 'is not an absolute path under');
  const roots = await Promise.all(named.map(realPathOf));
  const real = await realPathOf(folder);
  if (!roots.some((root) => isInside(root, real)))
    throw refused(path, roots, `leads (through a symlink) to '${real}', outside`);
  const tree = await urlReader.readTree(pathToFileURL(folder).href);
  const files: TarFile[] = [];
  let total = 0;
  for (const file of await tree.files()) {
    if (SKIPPED.test(file.path)) continue;
    if (!GIT_TREE.test(real)) await assertFileInside(join(real, file.path), roots, path);
    const content = await file.content();
    total += content.length;
    if (total > limits.maxBytes)
      throw new PayloadTooLargeError(
        `folder '${path}' holds more than plugins.maxTarballBytes (${limits.maxBytes} bytes)`,
      );
    files.push({ path: file.path, content });
  }
  return { tarball: writeTarball(files), source: `folder:${folder}` };
}

async function assertFileInside(file: string, roots: readonly string[], folder: string): Promise<void> {
  const real = await realPathOf(file);
  if (!roots.some((root) => isInside(root, real)))
    throw refused(folder, roots, `has a file that leads (through a symlink) to '${real}', outside`);
}
