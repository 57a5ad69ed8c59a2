import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The smallest package the plugin manager accepts: a manifest and a backend entry it never runs at install. */
export function writePluginPackage(dir: string, id: string, extra: Record<string, string> = {}): void {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  const manifest = {
    name: `@attacker/${id}`,
    version: '1.0.0',
    type: 'module',
    atrium: { id, role: 'plugin', backend: './dist/index.js', hostApi: '^0.1.0' },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'dist/index.js'), 'export default undefined;\n');
  for (const [path, content] of Object.entries(extra)) writeFileSync(join(dir, path), content);
}

/** `npm pack`-shaped tarball (`package/...`) of a package folder written by {@link writePluginPackage}. */
export function packPluginPackage(id: string, padding = 0): { tarball: Buffer; integrity: string } {
  const work = mkdtempSync(join(tmpdir(), 'atrium-attacker-pkg-'));
  try {
    // Random padding barely compresses: the tarball really is about that large.
    const extra: Record<string, string> =
      padding > 0 ? { 'padding.txt': randomBytes(padding).toString('base64') } : {};
    writePluginPackage(join(work, 'package'), id, extra);
    execFileSync('tar', ['-czf', join(work, 'out.tgz'), '-C', work, 'package']);
    const tarball = readFileSync(join(work, 'out.tgz'));
    return { tarball, integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** An npm packument naming one version's tarball, as a registry (or an attacker posing as one) answers. */
export function packument(name: string, tarball: string, integrity?: string): string {
  return JSON.stringify({
    name,
    versions: { '1.0.0': { name, version: '1.0.0', dist: { tarball, integrity } } },
  });
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: '/nonexistent',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Attacker',
      GIT_AUTHOR_EMAIL: 'attacker@example.com',
      GIT_COMMITTER_NAME: 'Attacker',
      GIT_COMMITTER_EMAIL: 'attacker@example.com',
    },
  });
}

/**
 * A bare repository `<parent>/<name>.git` whose `main` holds a plugin package in `pkg/`
 * and, in `linked/`, the same package whose `package.json` is a symlink to `target`
 * (a file the portal must never read).
 */
export function plantPackageRepository(parent: string, name: string, target: string): string {
  const work = mkdtempSync(join(tmpdir(), 'atrium-attacker-repo-'));
  try {
    git(work, 'init', '--quiet', '--initial-branch=main');
    writePluginPackage(join(work, 'pkg'), 'zz-from-git');
    writePluginPackage(join(work, 'linked'), 'zz-linked');
    rmSync(join(work, 'linked/package.json'));
    symlinkSync(target, join(work, 'linked/package.json'));
    git(work, 'add', '-A');
    git(work, 'commit', '--quiet', '-m', 'packages');
    const bare = join(parent, `${name}.git`);
    git(parent, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
    git(work, 'push', '--quiet', bare, 'main');
    return bare;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
