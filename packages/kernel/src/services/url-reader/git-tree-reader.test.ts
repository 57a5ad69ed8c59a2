import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUrlReader } from './create-url-reader.js';
import { readingConfigSchema } from './reading-config.js';

// A real bare repository: main and two tags whose docs differ, made by `git push` from a work tree.
const root = mkdtempSync(join(tmpdir(), 'atrium-git-tree-'));
const outside = mkdtempSync(join(tmpdir(), 'atrium-git-tree-out-'));
const work = join(root, 'work');
const bare = join(root, 'repos', 'app.git');
const repoUrl = pathToFileURL(bare).href;

function git(args: string[], cwd: string, date = '2024-01-01T00:00:00Z'): string {
  const env = {
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@e',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@e',
  };
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  })
    .toString()
    .trim();
}

function commit(message: string, tag: string | undefined, date: string): void {
  git(['add', '-A'], work);
  git(['commit', '--quiet', '-m', message], work, date);
  if (tag) git(['tag', tag], work, date);
}

beforeAll(() => {
  mkdirSync(join(work, 'docs', 'guide'), { recursive: true });
  git(['init', '--quiet', '--initial-branch=main'], work);
  writeFileSync(join(work, 'mkdocs.yml'), 'site_name: App\n');
  writeFileSync(join(work, 'docs', 'index.md'), '# Version one\n');
  writeFileSync(join(work, 'docs', 'guide', 'setup.md'), '# Setup\n');
  writeFileSync(join(work, 'docs', 'big.png'), Buffer.alloc(3000, 1));
  symlinkSync('/etc/passwd', join(work, 'docs', 'link.md'));
  commit('one', 'v1.0.0', '2024-01-01T00:00:00Z');
  writeFileSync(join(work, 'docs', 'index.md'), '# Version two\n');
  commit('two', 'v2.0.0', '2024-02-01T00:00:00Z');
  writeFileSync(join(work, 'docs', 'index.md'), '# Unreleased\n');
  commit('three', undefined, '2024-03-01T00:00:00Z');
  git(['init', '--quiet', '--bare', '--initial-branch=main', bare], root);
  git(['push', '--quiet', bare, 'main', 'v1.0.0', 'v2.0.0'], work);
});

const reader = () =>
  createUrlReader(readingConfigSchema.parse({ maxBytes: 2048 }), {
    roots: [{ setting: 'test.roots', paths: [join(root, 'repos')] }],
    databaseDirectories: [],
    configFiles: [],
  });

async function textOf(url: string): Promise<Record<string, string>> {
  const tree = await reader().readTree(url);
  const files = await tree.files();
  const small = files.filter((f) => f.path.endsWith('.md'));
  return Object.fromEntries(
    await Promise.all(small.map(async (f) => [f.path, (await f.content()).toString()] as const)),
  );
}

describe('git trees', () => {
  it('reads a folder at each tag and branch, with the content of that ref', async () => {
    expect(await textOf(`${repoUrl}/tree/v1.0.0/docs/`)).toEqual({
      'guide/setup.md': '# Setup\n',
      'index.md': '# Version one\n',
    });
    expect((await textOf(`${repoUrl}/tree/v2.0.0/docs`))['index.md']).toBe('# Version two\n');
    // `blob/<ref>/` is what `dir:.` beside `<repo>.git/blob/main/catalog-info.yaml` resolves to.
    expect((await textOf(`${repoUrl}/blob/main/docs/`))['index.md']).toBe('# Unreleased\n');
    const rootTree = await (await reader().readTree(`${repoUrl}/tree/main/`)).files();
    expect(rootTree.map((f) => f.path)).toContain('mkdocs.yml');
  });

  it('gives each ref its own etag and leaves symlinks out', async () => {
    const one = await reader().readTree(`${repoUrl}/tree/v1.0.0/docs/`);
    const two = await reader().readTree(`${repoUrl}/tree/v2.0.0/docs/`);
    expect(one.etag).not.toBe(two.etag);
    expect((await one.files()).map((f) => f.path)).toEqual(['big.png', 'guide/setup.md', 'index.md']);
  });

  it('refuses a file over backend.reading.maxBytes by its listed size; the others still read', async () => {
    const files = await (await reader().readTree(`${repoUrl}/tree/v1.0.0/docs/`)).files();
    const big = files.find((f) => f.path === 'big.png');
    await expect(big?.content()).rejects.toMatchObject({ name: 'PayloadTooLargeError' });
    await expect(big?.content()).rejects.toThrowError(/3000 bytes, over the limit of 2048/);
    const index = files.find((f) => f.path === 'index.md');
    expect((await index?.content())?.toString()).toBe('# Version one\n');
  });

  it('names the ref when a tag or folder does not exist, and refuses revision expressions', async () => {
    await expect(reader().readTree(`${repoUrl}/tree/v9.9.9/docs/`)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining("branch or tag 'v9.9.9'"),
    });
    await expect(reader().readTree(`${repoUrl}/tree/main/nothing/`)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    for (const ref of ['main~1', 'v1.0.0^{tree}', 'main@{1}'])
      await expect(reader().readTree(`${repoUrl}/tree/${ref}/docs/`), ref).rejects.toMatchObject({
        name: 'NotAllowedError',
        details: { rule: 'git-ref' },
      });
  });

  it('refuses a repository outside the readable roots', async () => {
    git(['init', '--quiet', '--bare', join(outside, 'other.git')], outside);
    const url = `${pathToFileURL(join(outside, 'other.git')).href}/tree/main/`;
    await expect(reader().readTree(url)).rejects.toMatchObject({ name: 'NotAllowedError' });
    await expect(reader().gitRefs(url)).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});

describe('gitRefs', () => {
  it('lists tags newest first, branches and the default branch, and moves a URL to another ref', async () => {
    const refs = await reader().gitRefs(`${repoUrl}/blob/main/docs/`);
    expect(refs).toMatchObject({
      ref: 'main',
      defaultBranch: 'main',
      tags: ['v2.0.0', 'v1.0.0'],
      branches: ['main'],
    });
    expect(refs?.urlAt('v1.0.0')).toBe(`${repoUrl}/tree/v1.0.0/docs/`);
    expect((await textOf(refs?.urlAt('v1.0.0') ?? ''))['index.md']).toBe('# Version one\n');
  });

  it('is undefined for a folder that is not in a git repository', async () => {
    mkdirSync(join(root, 'repos', 'plain'), { recursive: true });
    expect(await reader().gitRefs(pathToFileURL(join(root, 'repos', 'plain')).href)).toBeUndefined();
    expect(await reader().gitRefs('https://example.com/app.git/tree/main/')).toBeUndefined();
  });
});
