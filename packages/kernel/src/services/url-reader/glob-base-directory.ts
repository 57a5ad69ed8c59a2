import { dirname, join, parse, relative, sep } from 'node:path';
import { escapePath, isDynamicPattern } from 'tinyglobby';

// An extglob (`@(a|b)`, `!(x)`, `+(x)`, `*(x)`, `?(x)`) is glob syntax; a bare `(` is not:
// file names such as `catalog-info (1).yaml` are common and must be read as they are.
const EXTGLOB = /[@!+*?]\([^()]*\)/g;

/**
 * True when a local path holds glob syntax (`*`, `?`, `[…]`, `{…}`, extglobs), judged by
 * the glob library the file reader searches with, so both agree on what a glob is.
 * Plain parentheses are part of a name.
 *
 * @example
 * isGlobPattern('/repo/systems/*.yaml'); // true
 * isGlobPattern('/repo/catalog-info (1).yaml'); // false
 */
export function isGlobPattern(path: string): boolean {
  return isDynamicPattern(path.replace(EXTGLOB, '*').replace(/[()]/g, ''));
}

/**
 * The pattern below `baseDir` for the glob library, with segments that are plain names
 * escaped, so a folder called `team (old)` matches itself and not a group.
 *
 * @example
 * relativeGlob('/repo', '/repo/team (old)/*.yaml'); // 'team \\(old\\)/*.yaml'
 */
export function relativeGlob(baseDir: string, pattern: string): string {
  return relative(baseDir, pattern)
    .split(sep)
    .map((segment) => (isGlobPattern(segment) ? segment : escapePath(segment)))
    .join('/');
}

/**
 * The folder an absolute local path reads from: for a glob, the folder before its first
 * segment with a wildcard; for a plain file path, the file's folder. The file rule is
 * checked against this folder, so a glob cannot reach above it.
 *
 * @example
 * globBaseDirectory('/repo/systems/**\/*.yaml'); // '/repo/systems'
 * globBaseDirectory('/repo/systems/a.yaml'); // '/repo/systems'
 */
export function globBaseDirectory(path: string): string {
  if (!isGlobPattern(path)) return dirname(path);
  const { root } = parse(path);
  const fixed: string[] = [];
  for (const segment of path.slice(root.length).split(sep)) {
    if (isGlobPattern(segment)) break;
    fixed.push(segment);
  }
  return join(root, ...fixed);
}
