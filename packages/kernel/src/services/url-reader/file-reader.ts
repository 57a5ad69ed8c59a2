import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
  PayloadTooLargeError,
} from '@atrium/errors';
import { parseGitBlobPath, readGitBlob } from './git-blob-reader.js';
import type { ReadUrlResponse, TreeFile } from './url-reader-service.js';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Reads `file:` URLs, confined to the configured roots (symlinks resolved first). */
export function createFileReader(roots: readonly string[], maxBytes: number) {
  const resolvedRoots = roots.map((r) => resolve(r));

  async function confine(url: string): Promise<string> {
    let path: string;
    try {
      path = fileURLToPath(url);
    } catch {
      throw new InputError(`'${url}' is not a valid file URL`);
    }
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      throw new NotFoundError(`file '${path}' does not exist`);
    }
    const roots = await Promise.all(resolvedRoots.map((r) => realpath(r).catch(() => r)));
    if (!roots.some((root) => inside(root, real))) {
      throw new NotAllowedError(
        `reading '${path}' is not allowed: it is outside backend.reading.fileRoots (${resolvedRoots.join(', ')})`,
      );
    }
    return real;
  }

  async function readLimited(path: string): Promise<Buffer> {
    const info = await stat(path);
    if (info.size > maxBytes) {
      throw new PayloadTooLargeError(
        `file '${path}' is ${info.size} bytes, over the limit of ${maxBytes} (backend.reading.maxBytes)`,
      );
    }
    return readFile(path);
  }

  return {
    async readUrl(url: string, etag?: string): Promise<ReadUrlResponse> {
      let path: string;
      try {
        path = fileURLToPath(url);
      } catch {
        throw new InputError(`'${url}' is not a valid file URL`);
      }
      const blob = parseGitBlobPath(path);
      if (blob)
        return readGitBlob(
          { ...blob, repository: await confine(pathToFileURL(blob.repository).href) },
          maxBytes,
          etag,
        );
      path = await confine(url);
      const info = await stat(path);
      if (!info.isFile()) throw new InputError(`'${path}' is not a file`);
      const current = `${info.size}-${info.mtimeMs}`;
      if (etag && etag === current) throw new NotModifiedError(`'${url}' has not changed`);
      return { buffer: () => readLimited(path), etag: current, lastModifiedAt: info.mtime };
    },
    async readTree(url: string) {
      const dir = await confine(url);
      if (!(await stat(dir)).isDirectory()) throw new InputError(`'${dir}' is not a directory`);
      const { glob } = await import('tinyglobby');
      const paths = (
        await glob('**/*', { cwd: dir, dot: true, onlyFiles: true, followSymbolicLinks: false })
      ).sort();
      const hash = createHash('sha1');
      for (const p of paths) hash.update(p);
      const files = async (): Promise<TreeFile[]> =>
        paths.map((p) => ({
          path: p.split(sep).join('/'),
          content: async () => readLimited(await confine(pathToFileURL(resolve(dir, p)).href)),
        }));
      return { files, etag: hash.digest('hex') };
    },
    async search(url: string) {
      const pattern = fileURLToPath(url.replace(/\*/g, '__STAR__')).replace(/__STAR__/g, '*');
      const base = pattern.split(/[*?[{]/)[0] ?? pattern;
      const baseDir = base.endsWith(sep) ? base : resolve(base, '..');
      await confine(pathToFileURL(baseDir).href);
      const { glob } = await import('tinyglobby');
      const matches = (
        await glob(relative(baseDir, pattern).split(sep).join('/'), { cwd: baseDir, absolute: true })
      ).sort();
      return {
        files: matches.map((path) => ({
          url: pathToFileURL(path).href,
          content: async () => readLimited(await confine(pathToFileURL(path).href)),
        })),
      };
    },
  };
}
