import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError, NotFoundError, NotModifiedError, PayloadTooLargeError } from '@atrium/errors';
import type { FileAccessRule } from './file-access-rule.js';
import {
  assertBareRepository,
  assertPlainRef,
  type GitBlobTarget,
  parseGitBlobPath,
  readGitBlob,
} from './git-blob-reader.js';
import { type GitRefs, readGitRefs } from './git-refs.js';
import { parseGitTreePath, readGitTree } from './git-tree-reader.js';
import { globBaseDirectory, isGlobPattern, relativeGlob } from './glob-base-directory.js';
import type { ReadUrlResponse, TreeFile } from './url-reader-service.js';

function pathOf(url: string): string {
  try {
    return fileURLToPath(url);
  } catch {
    throw new InputError(`'${url}' is not a valid file URL`);
  }
}

/**
 * Reads `file:` URLs under the one file rule (see {@link createFileAccessRule}): symlinks
 * resolved before every check, for each file of a tree or glob too, and files inside
 * local bare git repositories (`<repo>.git/blob/<branch or tag>/<file>`, and trees as
 * `<repo>.git/tree/<branch or tag>/<folder>`).
 */
export function createFileReader(rule: FileAccessRule, maxBytes: number) {
  async function readLimited(path: string, limit = maxBytes): Promise<Buffer> {
    const info = await stat(path);
    if (info.size > limit) {
      throw new PayloadTooLargeError(
        `file '${path}' is ${info.size} bytes, over the limit of ${limit} (backend.reading.maxBytes)`,
      );
    }
    return readFile(path);
  }

  /** The repository's real path; the rule applies to `<real repo>/blob/<ref>/<file>` as a whole. */
  async function confineBlob(blob: GitBlobTarget, path: string, mustExist: boolean): Promise<GitBlobTarget> {
    assertPlainRef(blob);
    let repository: string;
    try {
      repository = await realpath(blob.repository);
    } catch {
      await rule.check(path);
      if (mustExist) throw new NotFoundError(`repository '${blob.repository}' does not exist`);
      return blob;
    }
    await rule.assertReadable(path, join(repository, 'blob', blob.ref, blob.file));
    await assertBareRepository(repository);
    return { ...blob, repository };
  }

  const contentOf = (path: string) => async () => readLimited(await rule.confine(path));

  return {
    async check(url: string): Promise<void> {
      const path = resolve(pathOf(url));
      const blob = parseGitBlobPath(path);
      if (blob) await confineBlob(blob, path, false);
      else await rule.check(isGlobPattern(path) ? globBaseDirectory(path) : path);
    },
    async readUrl(url: string, etag?: string, limit = maxBytes): Promise<ReadUrlResponse> {
      const requested = resolve(pathOf(url));
      const blob = parseGitBlobPath(requested);
      if (blob) return readGitBlob(await confineBlob(blob, requested, true), limit, etag);
      const path = await rule.confine(requested);
      const info = await stat(path);
      if (!info.isFile()) throw new InputError(`'${requested}' is not a file`);
      const current = `${info.size}-${info.mtimeMs}`;
      if (etag && etag === current) throw new NotModifiedError(`'${url}' has not changed`);
      return { buffer: () => readLimited(path, limit), etag: current, lastModifiedAt: info.mtime };
    },
    async readTree(url: string) {
      const requested = resolve(pathOf(url));
      const tree = parseGitTreePath(requested);
      if (tree) {
        const target = await confineBlob(tree, requested, true);
        const base = join(target.repository, 'tree', target.ref, target.file);
        return readGitTree(target, maxBytes, (p) => rule.isDenied(join(base, p)));
      }
      const dir = await rule.confine(requested);
      if (!(await stat(dir)).isDirectory()) throw new InputError(`'${requested}' is not a directory`);
      const { glob } = await import('tinyglobby');
      const paths = (await glob('**/*', { cwd: dir, dot: true, onlyFiles: true, followSymbolicLinks: false }))
        .filter((p) => !rule.isDenied(join(dir, p)))
        .sort();
      const hash = createHash('sha1');
      for (const p of paths) hash.update(p);
      const files = async (): Promise<TreeFile[]> =>
        paths.map((p) => ({ path: p.split(sep).join('/'), content: contentOf(join(dir, p)) }));
      return { files, etag: hash.digest('hex') };
    },
    async gitRefs(url: string): Promise<GitRefs | undefined> {
      const requested = resolve(pathOf(url));
      const tree = parseGitTreePath(requested);
      if (!tree) return undefined;
      return readGitRefs(await confineBlob(tree, requested, true), tree);
    },
    async search(url: string) {
      const pattern = resolve(fileURLToPath(url.replace(/\*/g, '__STAR__')).replace(/__STAR__/g, '*'));
      const baseDir = await rule.confine(globBaseDirectory(pattern));
      const { glob } = await import('tinyglobby');
      const matches = (
        await glob(relativeGlob(baseDir, pattern), {
          cwd: baseDir,
          absolute: true,
        })
      )
        .filter((path) => !rule.isDenied(path))
        .sort();
      return {
        files: matches.map((path) => ({ url: pathToFileURL(path).href, content: contentOf(path) })),
      };
    },
  };
}
