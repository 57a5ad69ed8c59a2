import { execFile } from 'node:child_process';
import { NotAllowedError, NotFoundError, NotModifiedError, PayloadTooLargeError } from '@atrium/errors';
import type { ReadUrlResponse } from './url-reader-service.js';

/** `<repository>.git/blob/<ref>/<path>`: the layout GitHub uses for file links, applied to a local bare repository. */
const blobPath = /^(.+?\.git)\/blob\/([^/]+)\/(.+)$/;

/** A file at a ref of a local repository, as named by a path. */
export interface GitBlobTarget {
  repository: string;
  ref: string;
  file: string;
}

/** The repository, ref and file a `<repository>.git/blob/<ref>/<file>` path names, if it has that shape. */
export function parseGitBlobPath(path: string): GitBlobTarget | undefined {
  const match = blobPath.exec(path);
  if (!match) return undefined;
  const [, repository = '', ref = '', file = ''] = match;
  return { repository, ref, file };
}

// git check-ref-format's rules for one ref component, plus no leading '-' (an option to git).
// biome-ignore lint/suspicious/noControlCharactersInRegex: git refuses control characters in ref names.
const notARefName = /[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|^[.-]|\.lock$|\.$|^@$/;
const objectId = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

function refProblem(ref: string): string | undefined {
  if (ref === 'HEAD') return undefined;
  if (objectId.test(ref)) return 'an object id';
  if (notARefName.test(ref)) return 'a revision expression, not a branch or tag name';
  return undefined;
}

/**
 * Only plain branch or tag names (and HEAD) are read: a revision expression (`main~1`,
 * `main^{tree}`, `@{1}`) or an object id could reach files deleted from the branch for a
 * reason. The rules are `git check-ref-format`'s, plus no raw object ids.
 */
export function assertPlainRef(target: GitBlobTarget): void {
  const { ref } = target;
  const reason = refProblem(ref);
  if (reason)
    throw new NotAllowedError(
      `reading '${target.repository}' at '${ref}' is not allowed: '${ref}' is ${reason}; only branch and tag names (or HEAD) are read`,
      { details: { rule: 'git-ref', ref } },
    );
  if (target.file.split('/').some((part) => part === '..' || part === '.' || part === ''))
    throw new NotAllowedError(
      `reading '${target.file}' in '${target.repository}' is not allowed: the path must not contain '.', '..' or empty parts`,
      { details: { rule: 'git-path', ref } },
    );
}

function git(repository: string, args: string[], maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['--git-dir', repository, ...args],
      {
        encoding: 'buffer',
        maxBuffer: maxBytes + 1,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' },
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

async function gitLine(repository: string, args: string[]): Promise<string | undefined> {
  try {
    return (await git(repository, args, 4096)).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Refuses anything but a bare repository: a working tree's `.git` has HEAD and objects too. */
export async function assertBareRepository(repository: string): Promise<void> {
  const bare = await gitLine(repository, ['rev-parse', '--is-bare-repository']);
  if (bare === 'true') return;
  if (bare === undefined) throw new NotFoundError(`'${repository}' is not a git repository`);
  throw new NotAllowedError(
    `reading '${repository}' is not allowed: it is not a bare repository; only bare repositories are read`,
    { details: { rule: 'git-directory', path: repository } },
  );
}

/** The commit a branch, tag or HEAD points at, looked up under refs/heads and refs/tags only. */
async function commitOf(target: GitBlobTarget): Promise<string> {
  const candidates =
    target.ref === 'HEAD' ? ['HEAD'] : [`refs/heads/${target.ref}`, `refs/tags/${target.ref}`];
  for (const name of candidates) {
    const id = await gitLine(target.repository, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
    if (id) return id;
  }
  throw new NotFoundError(`'${target.ref}' is not a branch or tag of ${target.repository}`);
}

/**
 * Reads one file at a branch or tag of a local bare repository with `git cat-file`, so a
 * template can publish to `file:///srv/repos/app.git` and the catalog can register
 * `/srv/repos/app.git/blob/main/catalog-info.yaml`. The etag is the blob id. The caller
 * has checked the repository path and the ref ({@link assertPlainRef}).
 */
export async function readGitBlob(
  target: GitBlobTarget,
  maxBytes: number,
  etag?: string,
): Promise<ReadUrlResponse> {
  await assertBareRepository(target.repository);
  const commit = await commitOf(target);
  const object = `${commit}:${target.file}`;
  const id = await gitLine(target.repository, ['rev-parse', '--verify', '--quiet', object]);
  const type = id && (await gitLine(target.repository, ['cat-file', '-t', id]));
  if (!id || type !== 'blob')
    throw new NotFoundError(`'${target.file}' is not a file at '${target.ref}' in ${target.repository}`);
  if (etag && etag === id) throw new NotModifiedError(`'${target.file}' at '${target.ref}' has not changed`);
  const size = Number(await gitLine(target.repository, ['cat-file', '-s', id]));
  if (size > maxBytes) {
    throw new PayloadTooLargeError(
      `'${target.file}' at '${target.ref}' in ${target.repository} is ${size} bytes, over the limit of ${maxBytes} (backend.reading.maxBytes)`,
    );
  }
  const content = await git(target.repository, ['cat-file', 'blob', id], maxBytes);
  return { buffer: async () => content, etag: id };
}
