import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isChildPath } from '../files/safe-path.js';

/**
 * Where a published repository (or a workspace) lies, as the catalog reads it: a `file`
 * location's directory, or the URL of a `url` location's folder (ending in `/`).
 */
export interface RepositoryBase {
  type: 'file' | 'url';
  base: string;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ENCODED_SEPARATOR = /%2f|%5c/i;

function filePathsOf(target: string, from: string): string[] | undefined {
  if (HAS_SCHEME.test(target)) {
    if (!/^file:/i.test(target)) return undefined;
    try {
      // The catalog may read the raw pathname or the decoded path: both must stay inside.
      return [resolve(new URL(target).pathname), fileURLToPath(target)];
    } catch {
      return undefined;
    }
  }
  return [isAbsolute(target) ? resolve(target) : resolve(dirname(from), target)];
}

function urlOf(target: string, from: string): URL | undefined {
  try {
    return new URL(target, from);
  } catch {
    return undefined;
  }
}

/**
 * Resolves a reference written in a descriptor (a `$text`/`$json`/`$yaml` placeholder, a
 * child Location's target) the way the catalog does, relative to the descriptor at `from`
 * (a path for `file`, a URL for `url`), and answers it when it stays inside the
 * repository, `undefined` when it leads out: another scheme, an absolute path elsewhere,
 * `..` (also percent-encoded) climbing out. The one place this rule lives in the
 * scaffolder; the kernel's shared helper can replace the body when it exists.
 *
 * @example
 * resolveInsideRepository({ type: 'file', base: '/r' }, './api.yaml', '/r/catalog-info.yaml'); // '/r/api.yaml'
 * resolveInsideRepository({ type: 'file', base: '/r' }, '../../etc/passwd', '/r/catalog-info.yaml'); // undefined
 */
export function resolveInsideRepository(
  repository: RepositoryBase,
  target: string,
  from: string,
): string | undefined {
  if (repository.type === 'file') {
    const paths = filePathsOf(target, from);
    return paths?.every((path) => isChildPath(repository.base, path)) ? paths[0] : undefined;
  }
  const url = urlOf(target, from);
  const base = new URL(repository.base);
  const inside =
    url !== undefined &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.origin === base.origin &&
    url.pathname.startsWith(base.pathname) &&
    !ENCODED_SEPARATOR.test(url.pathname);
  return inside ? url.href : undefined;
}
