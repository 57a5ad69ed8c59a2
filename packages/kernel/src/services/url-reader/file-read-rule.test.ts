import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AtriumError } from '@atrium/errors';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';
import type { UrlReaderService } from './url-reader-service.js';

// A project laid out like `npm start`'s: a config file, the SQLite files under ./data, and
// a readable folder of repositories. The probe plugin declares that folder as its root.
const project = mkdtempSync(join(tmpdir(), 'atrium-read-rule-'));
const dataDir = join(project, 'data');
const repos = join(project, 'repositories');
const configFile = join(project, 'app-config.yaml');
const url = (path: string) => pathToFileURL(path).href;

function git(args: string[], cwd?: string): string {
  return execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  })
    .toString()
    .trim();
}

const probePlugin = definePlugin({
  id: 'probe',
  config: z.object({ roots: z.array(z.string()).default([]) }).prefault({}),
  fileRoots: (config) => [{ setting: 'probe.roots', paths: config.roots }],
  deps: { reader: coreServices.urlReader },
  init({ deps }) {
    reader = deps.reader;
  },
});

let reader: UrlReaderService;
let backend: TestBackend;
let firstCommit = '';

beforeAll(async () => {
  mkdirSync(join(repos, 'ops'), { recursive: true });
  writeFileSync(join(repos, 'ops', 'catalog-info.yaml'), 'kind: Component\n');
  mkdirSync(join(repos, 'team (old)'), { recursive: true });
  writeFileSync(join(repos, 'team (old)', 'catalog-info (1).yaml'), 'kind: Group\n');
  writeFileSync(join(project, 'outside.txt'), 'outside');
  writeFileSync(configFile, ['probe:', `  roots: [${JSON.stringify(repos)}]`, ''].join('\n'));
  // A working tree (its .git has HEAD and objects like a bare repository) and a bare one
  // whose history holds a file deleted on purpose.
  const work = join(repos, 'work');
  mkdirSync(work);
  git(['init', '--quiet', '--initial-branch=main'], work);
  writeFileSync(join(work, 'catalog-info.yaml'), 'kind: Component\n');
  writeFileSync(join(work, 'secret.yaml'), 'password: hunter2\n');
  git(['add', '.'], work);
  git(['commit', '--quiet', '-m', 'first'], work);
  firstCommit = git(['rev-parse', 'HEAD'], work);
  unlinkSync(join(work, 'secret.yaml'));
  git(['commit', '--quiet', '-am', 'remove the secret'], work);
  git(['tag', 'v1'], work);
  git(['init', '--quiet', '--bare', '--initial-branch=main', join(repos, 'app.git')]);
  git(['push', '--quiet', join(repos, 'app.git'), 'main', 'v1'], work);

  backend = await startTestBackend({
    features: [probePlugin],
    configPaths: [configFile],
    // The test kit's in-memory default would leave the data directory at ./data.
    config: { backend: { database: { client: 'better-sqlite3', connection: { directory: dataDir } } } },
  });
  // The kernel keeps its signing keys in data/kernel.sqlite; link to it from inside the root.
  symlinkSync(join(dataDir, 'kernel.sqlite'), join(repos, 'ops', 'db.yaml'));
  symlinkSync(dataDir, join(repos, 'data-link'));
});
afterAll(() => backend?.stop());

async function refusal(promise: Promise<unknown>): Promise<AtriumError> {
  try {
    await promise;
  } catch (error) {
    return error as AtriumError;
  }
  throw new Error('expected the read to be refused');
}

describe('the file read rule', () => {
  it('reads files under a declared root', async () => {
    const file = await reader.readUrl(url(join(repos, 'ops', 'catalog-info.yaml')));
    expect((await file.buffer()).toString()).toBe('kind: Component\n');
  });

  it('takes plain parentheses in file and folder names literally', async () => {
    const found = await reader.search(`${url(join(repos, 'team (old)'))}/*.yaml`);
    expect(found.files.map((f) => f.url.split('/').pop())).toEqual(['catalog-info%20(1).yaml']);
    const nested = await reader.search(`${url(repos)}/*/catalog-info (1).yaml`);
    expect(nested.files).toHaveLength(1);
  });

  it('never reads the SQLite data directory or a loaded config file', async () => {
    const db = await refusal(reader.readUrl(url(join(dataDir, 'kernel.sqlite'))));
    expect(db).toMatchObject({ name: 'NotAllowedError', details: { rule: 'database-directory' } });
    expect(db.message).toContain('backend.database.connection.directory');
    const config = await refusal(reader.readUrl(url(configFile)));
    expect(config).toMatchObject({ name: 'NotAllowedError', details: { rule: 'config-file' } });
  });

  it('refuses paths outside the declared roots, naming the setting that grants roots', async () => {
    const error = await refusal(reader.readUrl(url(join(project, 'outside.txt'))));
    expect(error).toMatchObject({ name: 'NotAllowedError', details: { rule: 'outside-file-roots' } });
    expect(error.message).toContain(`outside the readable file roots (probe.roots: ${repos})`);
  });

  it('resolves symlinks inside a root before checking, for single files, trees and globs', async () => {
    const link = await refusal(reader.readUrl(url(join(repos, 'ops', 'db.yaml'))));
    expect(link).toMatchObject({ details: { rule: 'database-directory' } });
    const through = await refusal(reader.readUrl(url(join(repos, 'data-link', 'kernel.sqlite'))));
    expect(through).toMatchObject({ details: { rule: 'database-directory' } });
    const found = await reader.search(`${url(join(repos, 'ops'))}/*.yaml`);
    const db = found.files.find((f) => f.url.endsWith('/db.yaml'));
    await expect(db?.content()).rejects.toMatchObject({ details: { rule: 'database-directory' } });
    // A tree leaves symlinks out; through a linked folder, each file is checked on its own.
    const tree = await reader.readTree(url(join(repos, 'ops')));
    expect((await tree.files()).map((f) => f.path)).toEqual(['catalog-info.yaml']);
    await expect(reader.readTree(url(join(repos, 'data-link')))).rejects.toMatchObject({
      details: { rule: 'database-directory' },
    });
  });

  it('reads a bare repository at a branch, a tag and HEAD', async () => {
    for (const ref of ['main', 'v1', 'HEAD']) {
      const file = await reader.readUrl(`${url(join(repos, 'app.git'))}/blob/${ref}/catalog-info.yaml`);
      expect((await file.buffer()).toString()).toBe('kind: Component\n');
    }
  });

  it("refuses a working tree's .git folder", async () => {
    const error = await refusal(
      reader.readUrl(`${url(join(repos, 'work', '.git'))}/blob/HEAD/catalog-info.yaml`),
    );
    expect(error).toMatchObject({ name: 'NotAllowedError', details: { rule: 'git-directory' } });
    await expect(reader.readUrl(url(join(repos, 'work', '.git', 'config')))).rejects.toMatchObject({
      details: { rule: 'git-directory' },
    });
  });

  it('refuses revision expressions and object ids: only branch and tag names', async () => {
    const repo = url(join(repos, 'app.git'));
    for (const ref of ['HEAD~1', 'main^', 'main@{1}', firstCommit, firstCommit.slice(0, 12)]) {
      const error = await refusal(reader.readUrl(`${repo}/blob/${ref}/secret.yaml`));
      expect(error.message, ref).not.toContain('hunter2');
      expect(['NotAllowedError', 'NotFoundError'], ref).toContain(error.name);
    }
    const tree = await refusal(reader.readUrl(`${repo}/blob/main^{tree}/catalog-info.yaml`));
    expect(tree).toMatchObject({ name: 'NotAllowedError', details: { rule: 'git-ref' } });
  });

  it('checks a URL without reading it, with the errors a read would give', async () => {
    await reader.check(url(join(repos, 'not-there-yet', 'catalog-info.yaml')));
    await expect(reader.check(url(join(dataDir, 'kernel.sqlite')))).rejects.toMatchObject({
      details: { rule: 'database-directory' },
    });
    await expect(reader.check(`${url(join(repos, 'app.git'))}/blob/HEAD~1/x.yaml`)).rejects.toMatchObject({
      details: { rule: 'git-ref' },
    });
    await expect(reader.check('http://example.org/x')).rejects.toThrowError(
      /host 'example.org' is not in backend.reading.allow/,
    );
    await expect(reader.check('ftp://example.org/x')).rejects.toMatchObject({ name: 'InputError' });
  });
});

describe('backend.reading.fileRoots', () => {
  it('is refused, naming the settings that replace it', async () => {
    const error = await refusal(
      startTestBackend({
        features: [probePlugin],
        config: { backend: { reading: { fileRoots: [project] } } },
      }),
    );
    expect(error.message).toContain("config 'backend.reading.fileRoots' (the kernel)");
    expect(error.message).toContain('catalog.allowedFileRoots');
  });
});
