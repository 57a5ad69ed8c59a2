import { chmod, lstat, mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { InputError } from '@atrium/errors';
import { isChildPath, resolveSafeChildPath, resolveSafeWritePath } from './safe-path.js';

/** Options for {@link writeWorkspaceFile}. */
export interface WriteOptions {
  /** Replace an existing file (default true); when false an existing file is kept. */
  overwrite?: boolean;
  executable?: boolean;
  /** Names the input in errors, e.g. `input.targetPath`. */
  field?: string;
}

/**
 * Writes a file at a workspace-relative path, refusing paths that lead out of the
 * workspace (`..`, absolute paths, symlinked directories or files). Answers false when
 * the file existed and `overwrite` is false.
 */
export async function writeWorkspaceFile(
  workspace: string,
  path: string,
  content: Buffer | string,
  options: WriteOptions = {},
): Promise<boolean> {
  const target = await resolveSafeWritePath(workspace, path, options.field);
  if (options.overwrite === false && (await lstat(target).catch(() => undefined))) return false;
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, content);
  if (options.executable) await chmod(target, 0o755);
  return true;
}

/**
 * A writer for many files of one workspace (fetch actions): each directory is proved to
 * be inside the workspace once, then every file is still checked not to be a symlink.
 */
export function createWorkspaceWriter(workspace: string) {
  const safeDirectories = new Map<string, Promise<void>>();
  const ensureDirectory = (dir: string, field: string) => {
    let ready = safeDirectories.get(dir);
    if (!ready) {
      ready = resolveSafeChildPath(workspace, relative(workspace, dir) || '.', field).then(async () => {
        await mkdir(dir, { recursive: true });
      });
      safeDirectories.set(dir, ready);
    }
    return ready;
  };
  return async (path: string, content: Buffer | string, options: WriteOptions = {}): Promise<boolean> => {
    const field = options.field ?? 'path';
    const target = resolve(workspace, path);
    if (!isChildPath(workspace, target) || target === workspace) {
      throw new InputError(`${field} '${path}' leads outside the task workspace; paths must stay inside it`);
    }
    await ensureDirectory(dirname(target), field);
    const existing = await lstat(target).catch(() => undefined);
    if (existing?.isSymbolicLink()) {
      throw new InputError(`${field} '${path}' is a symlink; the scaffolder does not write through symlinks`);
    }
    if (existing && options.overwrite === false) return false;
    await writeFile(target, content, options.executable ? { mode: 0o755 } : {});
    if (options.executable) await chmod(target, 0o755);
    return true;
  };
}

/** True when the content looks binary (a NUL byte near the start), so it is copied as is. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}
