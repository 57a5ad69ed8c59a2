// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunHarness } from '../../__fixtures__/run-harness.js';
import { readTree, writeTree } from '../../__fixtures__/write-tree.js';

const harness = createRunHarness();
let templateDir: string;

beforeAll(async () => {
  templateDir = await writeTree(
    {
      'skeleton/README.md': '# ${{ values.name }}\n{% if values.private %}private{% endif %}\n',
      'skeleton/${{ values.name }}/index.js': "console.log('${{ values.name | upper }}');\n",
      'skeleton/raw/keep.txt': 'raw ${{ values.name }}',
      'skeleton/${{ values.name }}-notemplating.txt': 'content ${{ values.name }}',
      'skeleton/run.sh': '#!/bin/sh\necho ${{ values.name }}\n',
      'skeleton/logo.bin': Buffer.from([0x89, 0x50, 0x00, 0x7b, 0x7b, 0x24]),
      "skeleton/${{ 'optional.md' if values.optional }}": 'only when optional',
      'cookie/{{ cookiecutter.name }}.txt': '{{ cookiecutter.name | jsonify }}',
      'njk/app.ts.njk': 'export const name = "${{ values.name }}";\n',
      'njk/static.ts': 'const raw = "${{ values.name }}";\n',
      'single.txt': 'Hello ${{ values.name }}\n',
      'blocks.txt': 'a\n  {% if true %}\nb\n  {% endif %}\nc\n',
    },
    { executable: ['skeleton/run.sh'] },
  );
});
afterAll(() => harness.close());

describe('fetch actions', () => {
  it('fetch:template renders names, directories and contents, honouring copy options', async () => {
    const { result, workspace } = await harness.run(
      {
        steps: [
          {
            action: 'fetch:template',
            input: {
              url: './skeleton',
              targetPath: 'out',
              values: { name: 'svc', private: true, optional: false },
              copyWithoutRender: ['raw/**'],
            },
          },
        ],
      },
      { templateDir },
    );
    expect(result.status).toBe('completed');
    const files = await readTree(join(workspace, 'out'));
    expect(files['README.md']).toBe('# svc\nprivate\n');
    expect(files['svc/index.js']).toBe("console.log('SVC');\n");
    expect(files['raw/keep.txt']).toBe('raw ${{ values.name }}');
    expect(files['svc-notemplating.txt']).toBe('content svc');
    expect(Object.keys(files)).not.toContain('optional.md');
    expect((await stat(join(workspace, 'out/run.sh'))).mode & 0o111).not.toBe(0);
    expect(files['logo.bin']).toBeDefined();
  });

  it('fetch:template copies content raw with copyWithoutTemplating and renders only .njk with templateFileExtension', async () => {
    const { workspace } = await harness.run(
      {
        steps: [
          {
            action: 'fetch:template',
            input: {
              url: './skeleton',
              values: { name: 'svc' },
              copyWithoutTemplating: ['*-notemplating.txt'],
            },
          },
          {
            action: 'fetch:template',
            input: { url: './njk', targetPath: 'njk', values: { name: 'svc' }, templateFileExtension: true },
          },
        ],
      },
      { templateDir },
    );
    const files = await readTree(workspace);
    expect(files['svc-notemplating.txt']).toBe('content ${{ values.name }}');
    expect(files['njk/app.ts']).toBe('export const name = "svc";\n');
    expect(files['njk/static.ts']).toBe('const raw = "${{ values.name }}";\n');
  });

  it('fetch:template supports cookiecutter syntax, trimBlocks and lstripBlocks, and replace', async () => {
    const { workspace } = await harness.run(
      {
        steps: [
          {
            action: 'fetch:template',
            input: {
              url: './cookie',
              targetPath: 'cookie',
              values: { name: 'svc' },
              cookiecutterCompat: true,
            },
          },
          {
            action: 'fetch:template:file',
            input: { url: './blocks.txt', targetPath: 'blocks.txt', trimBlocks: true, lstripBlocks: true },
          },
          {
            action: 'fetch:template:file',
            input: { url: './single.txt', targetPath: 'svc.txt', values: { name: 'first' } },
          },
          {
            action: 'fetch:template:file',
            input: { url: './single.txt', targetPath: 'svc.txt', values: { name: 'kept' } },
          },
          {
            action: 'fetch:template:file',
            input: { url: './single.txt', targetPath: 'new.txt', values: { name: 'a' } },
          },
          {
            action: 'fetch:template:file',
            input: { url: './single.txt', targetPath: 'new.txt', values: { name: 'b' }, replace: true },
          },
        ],
      },
      { templateDir },
    );
    const files = await readTree(workspace);
    expect(files['svc.txt']).toBe('Hello first\n');
    expect(files['new.txt']).toBe('Hello b\n');
    expect(files['blocks.txt']).toBe('a\nb\nc\n');
    expect(files['cookie/svc.txt']).toBe('"svc"');
  });

  it('fetch:template refuses incompatible options with a clear message', async () => {
    const { result } = await harness.run(
      {
        steps: [
          {
            id: 'f',
            action: 'fetch:template',
            input: { url: './skeleton', copyWithoutRender: ['a'], copyWithoutTemplating: ['b'] },
          },
        ],
      },
      { templateDir },
    );
    expect(result.status === 'failed' && result.error.message).toMatch(
      /copyWithoutRender and input\.copyWithoutTemplating cannot be used together/,
    );
  });

  it('fetch:plain and fetch:plain:file copy without rendering', async () => {
    const { workspace } = await harness.run(
      {
        steps: [
          { action: 'fetch:plain', input: { url: './skeleton/raw', targetPath: 'plain' } },
          { action: 'fetch:plain:file', input: { url: './single.txt', targetPath: 'docs/single.txt' } },
        ],
      },
      { templateDir },
    );
    expect(await readTree(workspace)).toEqual({
      'plain/keep.txt': 'raw ${{ values.name }}',
      'docs/single.txt': 'Hello ${{ values.name }}\n',
    });
  });

  it('workspace:template and workspace:template:file render files already in the workspace', async () => {
    const { workspace } = await harness.run(
      {
        steps: [
          { action: 'fetch:plain', input: { url: './skeleton', targetPath: 'src' } },
          {
            action: 'workspace:template',
            input: {
              url: 'src',
              targetPath: 'rendered',
              values: { name: 'w' },
              copyWithoutRender: ['raw/**'],
            },
          },
          {
            action: 'workspace:template:file',
            input: { url: 'src/README.md', targetPath: 'README.md', values: { name: 'file' } },
          },
        ],
      },
      { templateDir },
    );
    const files = await readTree(workspace);
    expect(files['rendered/w/index.js']).toBe("console.log('W');\n");
    expect(files['README.md']).toBe('# file\n\n');
  });

  it('reports an expression error in a skeleton file by name', async () => {
    const broken = await writeTree({ 'bad/file.txt': '${{ values.name | nosuchfilter }}' });
    const { result } = await harness.run(
      { steps: [{ id: 'f', action: 'fetch:template', input: { url: './bad' } }] },
      { templateDir: broken },
    );
    expect(result.status === 'failed' && result.error.message).toMatch(
      /^Step 'f' \(fetch:template\) failed: the skeleton could not be rendered: .*file\.txt/,
    );
  });
});
