// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createRunHarness } from '../../__fixtures__/run-harness.js';
import { readTree, writeTree } from '../../__fixtures__/write-tree.js';

const harness = createRunHarness();
let templateDir: string;

beforeAll(async () => {
  templateDir = await writeTree({
    'files/a.txt': 'a',
    'files/b.log': 'b',
    'files/sub/c.log': 'c',
    'files/sub/d.txt': 'd',
  });
});
afterAll(() => harness.close());

const fetchFiles = { id: 'fetch', action: 'fetch:plain', input: { url: './files' } };

describe('fs and debug actions', () => {
  it('fs:delete removes what the globs match', async () => {
    const { workspace } = await harness.run(
      { steps: [fetchFiles, { action: 'fs:delete', input: { files: ['**/*.log'] } }] },
      { templateDir },
    );
    expect(Object.keys(await readTree(workspace))).toEqual(['a.txt', 'sub/d.txt']);
  });

  it('fs:rename moves files and refuses to overwrite unless asked', async () => {
    const { workspace, result } = await harness.run(
      {
        steps: [
          fetchFiles,
          {
            action: 'fs:rename',
            input: {
              files: [
                { from: 'a.txt', to: 'moved/a.txt' },
                { from: 'b.log', to: 'sub/c.log', overwrite: true },
              ],
            },
          },
          { id: 'clash', action: 'fs:rename', input: { files: [{ from: 'sub/d.txt', to: 'moved/a.txt' }] } },
        ],
      },
      { templateDir },
    );
    expect(await readTree(workspace)).toEqual({ 'moved/a.txt': 'a', 'sub/c.log': 'b', 'sub/d.txt': 'd' });
    expect(result.status === 'failed' && result.error.message).toMatch(
      /input\.files\[0\]\.to 'moved\/a\.txt' already exists; set overwrite: true/,
    );
  });

  it('fs:readdir lists files and folders', async () => {
    const { result } = await harness.run(
      {
        steps: [fetchFiles, { id: 'ls', action: 'fs:readdir', input: { paths: ['.'], recursive: true } }],
        output: { files: '${{ steps.ls.output.files }}', folders: '${{ steps.ls.output.folders }}' },
      },
      { templateDir },
    );
    const output = (result.status === 'completed' ? result.output : {}) as {
      files: Array<{ path: string; name: string }>;
      folders: Array<{ name: string }>;
    };
    expect(output.files.map((f) => f.path).sort()).toEqual(['a.txt', 'b.log', 'sub/c.log', 'sub/d.txt']);
    expect(output.files.find((f) => f.path === 'sub/c.log')?.name).toBe('c.log');
    expect(output.folders.map((f) => f.name)).toEqual(['sub']);
  });

  it('debug:log logs the message and the workspace', async () => {
    const { messages } = await harness.run(
      {
        parameters: { who: 'you' },
        steps: [
          fetchFiles,
          {
            action: 'debug:log',
            input: { message: 'hi ${{ parameters.who }}', listWorkspace: 'with-contents' },
          },
        ],
      },
      { templateDir },
    );
    expect(messages).toContain('hi you');
    expect(messages.find((m) => m.startsWith('Workspace:'))).toContain('sub/d.txt:\nd');
  });

  it('debug:wait waits and refuses more than 10 minutes', async () => {
    const started = Date.now();
    const { result } = await harness.run({
      steps: [
        { action: 'debug:wait', input: { milliseconds: 50 } },
        { id: 'long', action: 'debug:wait', input: { minutes: 11 } },
      ],
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    expect(result.status === 'failed' && result.error.message).toMatch(/waits at most 10 minutes/);
  });

  it('catalog:write writes YAML with the source-template annotation', async () => {
    const { workspace } = await harness.run({
      parameters: { name: 'svc' },
      steps: [
        {
          action: 'catalog:write',
          input: {
            filePath: 'meta/catalog-info.yaml',
            entity: {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: '${{ parameters.name }}', annotations: { a: 'b' } },
              spec: { type: 'service' },
            },
          },
        },
      ],
    });
    const written = parse(await readFile(join(workspace, 'meta/catalog-info.yaml'), 'utf8'));
    expect(written.metadata).toEqual({
      name: 'svc',
      annotations: { a: 'b', 'backstage.io/source-template': 'template:default/test' },
    });
  });
});
