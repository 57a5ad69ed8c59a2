import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError } from '@atrium/errors';

async function real(path: string): Promise<string> {
  return realpath(path).catch(() => path);
}

/**
 * Checks that a `file` location registered through the API lies under one of
 * `catalog.allowedFileRoots` (symlinks resolved), so registering a local checkout does
 * not open the server's whole disk. Returns the absolute target.
 *
 * @example
 * await assertAllowedFileTarget('/srv/checkouts/web/catalog-info.yaml', ['/srv/checkouts']);
 */
export async function assertAllowedFileTarget(target: string, roots: readonly string[]): Promise<string> {
  const absolute = resolve(target);
  // The same rule name as the kernel's file rule, with the one setting that fixes it.
  const details = { rule: 'outside-file-roots', setting: 'catalog.allowedFileRoots', path: absolute, roots };
  if (roots.length === 0) {
    throw new InputError(
      `file locations can only be registered under a directory listed in catalog.allowedFileRoots, which is empty; add the directory of '${absolute}' there`,
      { details },
    );
  }
  const actual = await real(absolute);
  for (const root of roots) {
    const base = await real(resolve(root));
    const rel = relative(base, actual);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return absolute;
  }
  throw new InputError(
    `'${absolute}' is outside catalog.allowedFileRoots (${roots.join(', ')}); file locations can only be registered under those directories`,
    { details },
  );
}
