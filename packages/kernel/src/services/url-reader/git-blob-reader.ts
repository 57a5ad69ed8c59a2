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
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a newline would end the batch line.
  const control = /[\u0000-\u001f\u007f]/;
  // An empty path is a tree's root folder (a blob path always has a file part).
  const parts = target.file === '' ? [] : target.file.split('/');
  if (control.test(target.file) || parts.some((p) => p === '..' || p === '.' || p === ''))
    throw new NotAllowedError(
      `reading '${target.file}' in '${target.repository}' is not allowed: the path must not contain '.', '..', empty parts or control characters`,
      { details: { rule: 'git-path', ref } },
    );
}

/** Runs git against a bare repository with no user or system config, output capped at `maxBytes`. */
export function git(repository: string, args: string[], maxBytes: number, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['--git-dir', repository, ...args],
      {
        encoding: 'buffer',
        maxBuffer: maxBytes + 1,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' },
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    // git may exit before it reads its input (rev-parse never does): the exit code reports
    // what happened, so a broken pipe on stdin is not an error of its own.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}

/** Refuses anything but a bare repository: a working tree's `.git` has HEAD and objects too. */
export async function assertBareRepository(repository: string): Promise<void> {
  let bare: string | undefined;
  try {
    bare = (await git(repository, ['rev-parse', '--is-bare-repository'], 4096)).toString().trim();
  } catch {
    throw new NotFoundError(`'${repository}' is not a git repository`);
  }
  if (bare === 'true') return;
  throw new NotAllowedError(
    `reading '${repository}' is not allowed: it is not a bare repository; only bare repositories are read`,
    { details: { rule: 'git-directory', path: repository } },
  );
}

/**
 * The blob at `<file>` of a tag, a branch (git's order) or HEAD, named by full ref so that
 * nothing but refs/tags and refs/heads is consulted; one `cat-file --batch-check` run.
 */
async function blobOf(target: GitBlobTarget): Promise<{ id: string; size: number } | undefined> {
  const refs = target.ref === 'HEAD' ? ['HEAD'] : [`refs/tags/${target.ref}`, `refs/heads/${target.ref}`];
  const input = refs.map((ref) => `${ref}:${target.file}\n`).join('');
  const lines = (await git(target.repository, ['cat-file', '--batch-check'], 64 * 1024, input))
    .toString()
    .split('\n');
  for (const line of lines) {
    const [id, type, size] = line.split(' ');
    if (id && type === 'blob') return { id, size: Number(size) };
  }
  return undefined;
}

/**
 * Reads one file at a branch or tag of a local bare repository with `git cat-file`, so a
 * template can publish to `file:///srv/repos/app.git` and the catalog can register
 * `/srv/repos/app.git/blob/main/catalog-info.yaml`. The etag is the blob id. The caller
 * has checked the repository path, that it is bare ({@link assertBareRepository}) and the
 * ref ({@link assertPlainRef}).
 */
export async function readGitBlob(
  target: GitBlobTarget,
  maxBytes: number,
  etag?: string,
): Promise<ReadUrlResponse> {
  const blob = await blobOf(target);
  if (!blob)
    throw new NotFoundError(
      `'${target.file}' is not a file at branch or tag '${target.ref}' in ${target.repository}`,
    );
  if (etag && etag === blob.id)
    throw new NotModifiedError(`'${target.file}' at '${target.ref}' has not changed`);
  if (blob.size > maxBytes) {
    throw new PayloadTooLargeError(
      `'${target.file}' at '${target.ref}' in ${target.repository} is ${blob.size} bytes, over the limit of ${maxBytes} (backend.reading.maxBytes)`,
    );
  }
  const content = await git(target.repository, ['cat-file', 'blob', blob.id], maxBytes);
  return { buffer: async () => content, etag: blob.id };
}
