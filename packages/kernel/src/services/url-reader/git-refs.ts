import { pathToFileURL } from 'node:url';
import { type GitBlobTarget, git } from './git-blob-reader.js';

/** The branches and tags of a local bare repository, as a git URL into it sees them. */
export interface GitRefs {
  /** The ref the URL names (`main`, `v1.2.0`, `HEAD`). */
  ref: string;
  /** The branch HEAD points at, if any. */
  defaultBranch?: string;
  /** Tag names, newest first (by the tag's or its commit's date). */
  tags: string[];
  /** Branch names, most recently committed first. */
  branches: string[];
  /** The same URL (same repository and folder) at another branch or tag. */
  urlAt(ref: string): string;
}

async function refNames(repository: string, prefix: 'refs/tags' | 'refs/heads'): Promise<string[]> {
  const out = await git(
    repository,
    ['for-each-ref', '--sort=-creatordate', '--format=%(refname)', prefix],
    4 * 1024 * 1024,
  );
  return out
    .toString()
    .split('\n')
    .filter((line) => line.startsWith(`${prefix}/`))
    .map((line) => line.slice(prefix.length + 1));
}

async function defaultBranchOf(repository: string): Promise<string | undefined> {
  try {
    const head = (await git(repository, ['symbolic-ref', '--quiet', 'HEAD'], 4096)).toString().trim();
    return head.startsWith('refs/heads/') ? head.slice('refs/heads/'.length) : undefined;
  } catch {
    return undefined; // a detached HEAD
  }
}

/**
 * Lists the refs of the repository a checked `<repo>.git/(blob|tree)/<ref>/...` target is in.
 * `requested` is the path as the caller named it, so `urlAt` keeps the caller's spelling.
 */
export async function readGitRefs(target: GitBlobTarget, requested: GitBlobTarget): Promise<GitRefs> {
  const [tags, branches, defaultBranch] = await Promise.all([
    refNames(target.repository, 'refs/tags'),
    refNames(target.repository, 'refs/heads'),
    defaultBranchOf(target.repository),
  ]);
  return {
    ref: requested.ref,
    ...(defaultBranch ? { defaultBranch } : {}),
    tags,
    branches,
    urlAt: (ref) => {
      const folder = requested.file ? `/${requested.file}` : '';
      return `${pathToFileURL(`${requested.repository}/tree/${ref}${folder}`).href}/`;
    },
  };
}
