import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError, NotModifiedError, PayloadTooLargeError } from '@atrium/errors';
import type { ReadUrlResponse } from './url-reader-service.js';

/** `<repository>.git/blob/<ref>/<path>`: the layout GitHub uses for file links, applied to a local bare repository. */
const blobPath = /^(.+\.git)\/blob\/([^/]+)\/(.+)$/;

/** A file inside a local bare git repository, if the path names one. */
export function parseGitBlobPath(
  path: string,
): { repository: string; ref: string; file: string } | undefined {
  const match = blobPath.exec(path);
  if (!match) return undefined;
  const [, repository = '', ref = '', file = ''] = match;
  // Only bare repositories (a HEAD file at the top), never a working tree's .git folder.
  if (!existsSync(join(repository, 'HEAD')) || !existsSync(join(repository, 'objects'))) return undefined;
  return { repository, ref, file };
}

function git(args: string[], maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        encoding: 'buffer',
        maxBuffer: maxBytes + 1,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' },
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

/**
 * Reads one file at a ref of a local bare repository with `git cat-file`, so a template can
 * publish to `file:///srv/git/app.git` and the catalog can register
 * `file:///srv/git/app.git/blob/main/catalog-info.yaml`. The etag is the blob id.
 */
export async function readGitBlob(
  target: { repository: string; ref: string; file: string },
  maxBytes: number,
  etag?: string,
): Promise<ReadUrlResponse> {
  const object = `${target.ref}:${target.file}`;
  if (/^-/.test(target.ref) || object.includes('..'))
    throw new NotFoundError(`'${object}' is not a file in ${target.repository}`);
  let id: string;
  try {
    id = (await git(['--git-dir', target.repository, 'rev-parse', '--verify', '--quiet', object], 1024))
      .toString()
      .trim();
  } catch {
    throw new NotFoundError(`'${target.file}' does not exist at '${target.ref}' in ${target.repository}`);
  }
  if (etag && etag === id) throw new NotModifiedError(`'${object}' has not changed`);
  const size = Number(
    (await git(['--git-dir', target.repository, 'cat-file', '-s', id], 1024)).toString().trim(),
  );
  if (size > maxBytes) {
    throw new PayloadTooLargeError(
      `'${object}' in ${target.repository} is ${size} bytes, over the limit of ${maxBytes} (backend.reading.maxBytes)`,
    );
  }
  const content = await git(['--git-dir', target.repository, 'cat-file', 'blob', id], maxBytes);
  return { buffer: async () => content, etag: id };
}
