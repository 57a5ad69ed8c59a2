import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { InputError } from '@atrium/errors';

/** True when `child` is `parent` or lies below it (both absolute, normalised). */
export function isChildPath(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function escapeError(field: string, path: string): InputError {
  return new InputError(
    `${field} '${path}' leads outside the task workspace; paths must stay inside it (no '..', absolute paths or symlinks that point out)`,
  );
}

async function deepestExisting(path: string): Promise<string> {
  let current = path;
  for (;;) {
    try {
      await lstat(current);
      return current;
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

/**
 * Resolves a workspace-relative path and proves it stays inside the workspace, also
 * after following every symlink on the way (the real path of the deepest part that
 * exists must be inside the workspace's real path). `field` names the input in errors.
 *
 * @example
 * await resolveSafeChildPath('/tmp/ws', 'src/index.ts', 'input.targetPath'); // '/tmp/ws/src/index.ts'
 */
export async function resolveSafeChildPath(base: string, path: string, field = 'path'): Promise<string> {
  const target = resolve(base, path);
  if (!isChildPath(base, target)) throw escapeError(field, path);
  const realBase = await realpath(base);
  const existing = await deepestExisting(target);
  const realExisting = await realpath(existing).catch(() => existing);
  if (!isChildPath(realBase, realExisting)) throw escapeError(field, path);
  return target;
}

/** Like {@link resolveSafeChildPath} but also refuses a target that is itself a symlink. */
export async function resolveSafeWritePath(base: string, path: string, field = 'path'): Promise<string> {
  const target = await resolveSafeChildPath(base, path, field);
  const info = await lstat(target).catch(() => undefined);
  if (info?.isSymbolicLink()) {
    throw new InputError(`${field} '${path}' is a symlink; the scaffolder does not write through symlinks`);
  }
  return target;
}

/**
 * Checks a path from untrusted input (dry-run files, template file names) before it is
 * joined to a directory: relative, no `..` segments, no NUL bytes.
 */
export function assertRelativePath(path: string, field: string): void {
  const segments = path.split(/[\\/]/);
  if (path.includes('\0') || isAbsolute(path) || /^[a-zA-Z]:/.test(path) || segments.includes('..')) {
    throw escapeError(field, path);
  }
}
