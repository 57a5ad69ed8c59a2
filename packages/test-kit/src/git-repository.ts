import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One commit of {@link createBareRepository}: files written (over the previous commit's), an optional tag. */
export interface RepositoryCommit {
  files: Record<string, string | Buffer>;
  tag?: string;
  /** ISO date of the commit and its tag (tags are listed newest first by it). */
  date?: string;
}

function git(args: string[], cwd: string, date: string): void {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Atrium Test',
      GIT_AUTHOR_EMAIL: 'test@atrium.invalid',
      GIT_COMMITTER_NAME: 'Atrium Test',
      GIT_COMMITTER_EMAIL: 'test@atrium.invalid',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

/**
 * Creates a real bare repository at `path` (e.g. `<dir>/app.git`, a remote the URL reader
 * reads as `<path>/blob/<ref>/...`) whose `main` has `commits` in order, with their tags,
 * pushed from a throw-away work tree.
 *
 * @example
 * createBareRepository(join(root, 'app.git'), [{ files: { 'docs/index.md': '# One' }, tag: 'v1.0.0' }]);
 */
export function createBareRepository(path: string, commits: RepositoryCommit[]): void {
  const work = mkdtempSync(join(tmpdir(), 'atrium-git-work-'));
  try {
    const first = commits[0]?.date ?? '2024-01-01T00:00:00Z';
    git(['init', '--quiet', '--initial-branch=main'], work, first);
    commits.forEach((commit, i) => {
      const date = commit.date ?? new Date(Date.UTC(2024, 0, 1 + i)).toISOString();
      for (const [file, content] of Object.entries(commit.files)) {
        mkdirSync(dirname(join(work, file)), { recursive: true });
        writeFileSync(join(work, file), content);
      }
      git(['add', '-A'], work, date);
      git(['commit', '--quiet', '--allow-empty', '-m', `commit ${i + 1}`], work, date);
      if (commit.tag) git(['tag', commit.tag], work, date);
    });
    mkdirSync(dirname(path), { recursive: true });
    git(['init', '--quiet', '--bare', '--initial-branch=main', path], work, first);
    git(['push', '--quiet', '--tags', path, 'main'], work, first);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
