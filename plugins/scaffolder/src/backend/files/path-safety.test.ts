// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject } from '@atrium/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunHarness } from '../__fixtures__/run-harness.js';
import { writeTree } from '../__fixtures__/write-tree.js';
import type { TemplateAction } from '../actions/template-action.js';

let outside: string;
let templateDir: string;

// Creates `link` -> a directory outside the workspace and `linkfile` -> a file outside it,
// as a compromised step or fetched content could.
const symlinkAction: TemplateAction = {
  id: 'test:symlinks',
  async handler(ctx) {
    await symlink(outside, join(ctx.workspacePath, 'link'));
    await symlink(join(outside, 'secret.txt'), join(ctx.workspacePath, 'linkfile'));
  },
};

const harness = createRunHarness({
  actions: [symlinkAction],
  config: { git: { allowedRemotes: ['file:///**'] } },
});

beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'atrium-outside-'));
  await writeFile(join(outside, 'secret.txt'), 'do not touch');
  templateDir = await writeTree({
    'skeleton/a.txt': 'a',
    'evil/${{ values.path }}': 'pwned',
    'single.txt': 'x',
  });
});
afterAll(() => harness.close());

const escapes: Array<[string, string, JsonObject]> = [
  ['fetch:plain', 'targetPath ..', { url: './skeleton', targetPath: '../escape' }],
  ['fetch:plain', 'absolute targetPath', { url: './skeleton', targetPath: '/tmp/atrium-escape' }],
  ['fetch:plain', 'symlinked targetPath', { url: './skeleton', targetPath: 'link' }],
  ['fetch:plain:file', 'targetPath ..', { url: './single.txt', targetPath: '../escape.txt' }],
  ['fetch:plain:file', 'symlinked file', { url: './single.txt', targetPath: 'linkfile' }],
  ['fetch:template', 'symlinked targetPath', { url: './skeleton', targetPath: 'link/sub' }],
  ['fetch:template', 'rendered file name with ..', { url: './evil', values: { path: '../../escape.txt' } }],
  ['fetch:template', 'rendered absolute file name', { url: './evil', values: { path: '/tmp/escape.txt' } }],
  ['fetch:template:file', 'symlinked directory', { url: './single.txt', targetPath: 'link/x.txt' }],
  ['workspace:template', 'source outside', { url: '../', targetPath: 'x' }],
  ['workspace:template', 'source through a symlink', { url: 'link', targetPath: 'x' }],
  ['workspace:template:file', 'file through a symlink', { url: 'linkfile', targetPath: 'x.txt' }],
  ['fs:delete', 'pattern with ..', { files: ['../*'] }],
  ['fs:delete', 'absolute pattern', { files: ['/tmp/*'] }],
  ['fs:delete', 'inside a symlinked directory', { files: ['link/secret.txt'] }],
  ['fs:rename', 'target outside', { files: [{ from: 'a.txt', to: '../moved.txt' }] }],
  ['fs:rename', 'target through a symlink', { files: [{ from: 'a.txt', to: 'link/moved.txt' }] }],
  ['fs:rename', 'source through a symlink', { files: [{ from: 'link/secret.txt', to: 'stolen.txt' }] }],
  ['fs:readdir', 'a symlinked directory', { paths: ['link'] }],
  ['catalog:write', 'filePath ..', { entity: { kind: 'Component' }, filePath: '../catalog-info.yaml' }],
  ['catalog:write', 'symlinked file', { entity: { kind: 'Component' }, filePath: 'linkfile' }],
  ['publish:git', 'sourcePath outside', { remoteUrl: 'file:///tmp/none.git', sourcePath: '..' }],
  ['publish:git', 'symlinked sourcePath', { remoteUrl: 'file:///tmp/none.git', sourcePath: 'link' }],
];

describe('no file action leaves the workspace', () => {
  it.each(escapes)('%s refuses a %s', async (action, _case, input) => {
    const { result, messages } = await harness.run(
      {
        steps: [
          { id: 'links', action: 'test:symlinks' },
          { id: 'seed', action: 'fetch:plain:file', input: { url: './skeleton/a.txt', targetPath: 'a.txt' } },
          { id: 'attack', action, input },
        ],
      },
      { templateDir },
    );
    expect(result.status).toBe('failed');
    const failure = messages.find((m) => m.startsWith("Step 'attack'")) ?? '';
    expect(failure).toMatch(/outside|symlink/);
    expect(await readdir(outside)).toEqual(['secret.txt']);
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('do not touch');
  });

  it('debug:log never shows the content behind a symlink', async () => {
    const { messages } = await harness.run({
      steps: [
        { action: 'test:symlinks' },
        { action: 'debug:log', input: { listWorkspace: 'with-contents' } },
      ],
    });
    expect(messages.join('\n')).not.toContain('do not touch');
  });
});
