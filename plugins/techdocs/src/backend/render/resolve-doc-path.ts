import { posix } from 'node:path';

/** A link or image target inside the docs folder, or why it is not one. */
export type DocTarget =
  | { kind: 'external' }
  | { kind: 'anchor' }
  | { kind: 'outside' }
  | { kind: 'inside'; path: string; hash: string };

const scheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves a relative link written in `fromFile` (a path inside the docs folder) to a
 * path inside the docs folder. Absolute URLs (any scheme), protocol-relative and
 * root-relative targets are `external`; one that climbs out of the folder is `outside`.
 *
 * @example
 * resolveDocPath('guide/setup.md', '../index.md#intro'); // { kind: 'inside', path: 'index.md', hash: '#intro' }
 * resolveDocPath('index.md', '../../etc/passwd'); // { kind: 'outside' }
 */
export function resolveDocPath(fromFile: string, target: string): DocTarget {
  if (target.startsWith('#')) return { kind: 'anchor' };
  if (scheme.test(target) || target.startsWith('/')) return { kind: 'external' };
  const hashAt = target.search(/[?#]/);
  const rawPath = hashAt === -1 ? target : target.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : target.slice(hashAt).replace(/^\?[^#]*/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'outside' };
  }
  const joined = posix.normalize(posix.join(posix.dirname(fromFile), decoded));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return { kind: 'outside' };
  return { kind: 'inside', path: joined.replace(/\/$/, '').replace(/^\.$/, ''), hash };
}
