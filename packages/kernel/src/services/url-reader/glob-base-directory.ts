import { dirname, join, parse, sep } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';

/**
 * True when a local path holds glob syntax (`*`, `?`, `[…]`, `{…}`, …), judged by the
 * glob library the file reader searches with, so both agree on what a glob is.
 *
 * @example
 * isGlobPattern('/repo/systems/*.yaml'); // true
 */
export function isGlobPattern(path: string): boolean {
  return isDynamicPattern(path);
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
