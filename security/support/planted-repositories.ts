import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { component, yamlDocuments } from './attacker-actions.js';
import { createMarker } from './secrets.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: '/nonexistent',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Victim',
      GIT_AUTHOR_EMAIL: 'victim@example.com',
      GIT_COMMITTER_NAME: 'Victim',
      GIT_COMMITTER_EMAIL: 'victim@example.com',
    },
  }).trim();
}

/** What {@link plantRepositories} put under `./repositories`. */
export interface PlantedRepositories {
  /** `app.git`: a bare repository whose history holds a deleted secret. */
  bare: string;
  /** `worktree`: a working tree with the same history in its `.git` folder. */
  worktree: string;
  /** The commit that still had `secret.yaml`. */
  secretCommit: string;
  /** The markers in the deleted file and in the working tree's own commit. */
  markers: string[];
}

/**
 * Plants, in a portal's `./repositories` (readable by the shipped config): a bare
 * repository and a working tree whose history holds a file deleted for a reason (the
 * working tree has one more commit of its own), and
 * symlinks into the data directory (`data-link`, `secret-link.yaml`).
 */
export function plantRepositories(root: string): PlantedRepositories {
  const repositories = join(root, 'repositories');
  const historyMarker = createMarker('history');
  const work = mkdtempSync(join(tmpdir(), 'atrium-security-work-'));
  git(work, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(join(work, 'catalog-info.yaml'), yamlDocuments(component('history-app')));
  writeFileSync(
    join(work, 'secret.yaml'),
    yamlDocuments(component('leaked-history', { metadata: { description: historyMarker } })),
  );
  git(work, 'add', '.');
  git(work, 'commit', '--quiet', '-m', 'add app and, by mistake, a secret');
  const secretCommit = git(work, 'rev-parse', 'HEAD');
  git(work, 'rm', '--quiet', 'secret.yaml');
  git(work, 'commit', '--quiet', '-m', 'remove the secret');
  const bare = join(repositories, 'app.git');
  git(repositories, 'clone', '--quiet', '--bare', work, bare);
  const worktree = join(repositories, 'worktree');
  cpSync(work, worktree, { recursive: true });
  rmSync(work, { recursive: true, force: true });
  const worktreeMarker = createMarker('worktree');
  writeFileSync(
    join(worktree, 'worktree-only.yaml'),
    yamlDocuments(component('leaked-worktree', { metadata: { description: worktreeMarker } })),
  );
  git(worktree, 'add', '.');
  git(worktree, 'commit', '--quiet', '-m', 'a file only the working tree has');
  symlinkSync(join(root, 'data'), join(repositories, 'data-link'));
  symlinkSync(join(root, 'data', 'catalog-info.yaml'), join(repositories, 'secret-link.yaml'));
  return { bare, worktree, secretCommit, markers: [historyMarker, worktreeMarker] };
}

/** Writes attacker-authored files under `./repositories/<dir>` (content of a repository someone pushed). */
export function plantFiles(root: string, dir: string, files: Record<string, string>): string {
  const base = join(root, 'repositories', dir);
  mkdirSync(base, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(base, name), content);
  return base;
}
