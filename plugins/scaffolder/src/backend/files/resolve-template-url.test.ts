// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
  templateEntity,
} from '../__fixtures__/scaffolder-test-backend.js';
import { writeTree } from '../__fixtures__/write-tree.js';
import { resolveTemplateUrl } from './resolve-template-url.js';

const fileBase = 'file:///srv/templates/node-service/';
const httpBase = 'https://git.example.com/org/templates/blob/main/node-service/';

describe('resolveTemplateUrl', () => {
  it.each([
    ['./skeleton', fileBase, 'file:///srv/templates/node-service/skeleton'],
    ['skeleton/README.md', fileBase, 'file:///srv/templates/node-service/skeleton/README.md'],
    ['.', fileBase, 'file:///srv/templates/node-service/'],
    ['./a/../skeleton', fileBase, 'file:///srv/templates/node-service/skeleton'],
    ['file:///srv/templates/node-service/skeleton', fileBase, 'file:///srv/templates/node-service/skeleton'],
    ['./skeleton', httpBase, `${httpBase}skeleton`],
    // Another repository over http(s) is the URL reader's to allow or refuse
    // (backend.reading.allow), as in Backstage.
    [
      'https://git.example.com/org/shared/blob/main/skeleton',
      fileBase,
      'https://git.example.com/org/shared/blob/main/skeleton',
    ],
  ])('resolves %s inside %s', (url, base, expected) => {
    expect(resolveTemplateUrl(url, base, 'input.url')).toBe(expected);
  });

  it.each([
    ['../other-template/skeleton', fileBase],
    ['../../../etc', fileBase],
    ['./skeleton/../../x', fileBase],
    ['%2e%2e/x', fileBase],
    ['.%2E/.%2e/x', fileBase],
    ['..\\x', fileBase],
    ['/etc/passwd', fileBase],
    ['file:///etc/passwd', fileBase],
    ['FILE:///srv/templates/node-service-evil/x', fileBase],
    ['file://other-host/srv/templates/node-service/x', fileBase],
    ['skeleton/..%2f..%2fx', fileBase],
    ['skeleton%5c..%5c..%5cx', fileBase],
    ['../../other/blob/main/skeleton', httpBase],
    ['/org/other/blob/main/x', httpBase],
    ['file:///srv/templates/node-service/skeleton', httpBase],
    ['data:text/plain,hello', fileBase],
  ])('refuses %s from %s, naming the field', (url, base) => {
    expect(() => resolveTemplateUrl(url, base, 'input.url')).toThrow(
      /^input\.url '.*' (leads outside the template's location|may not use)/,
    );
  });

  it('needs a base for a relative URL and refuses file: URLs without one', () => {
    expect(() => resolveTemplateUrl('./skeleton', undefined, 'input.url')).toThrow(/has no base URL/);
    expect(() => resolveTemplateUrl('file:///srv/x', undefined, 'input.url')).toThrow(
      /leads outside the template's location/,
    );
  });
});

describe('fetch actions in a task of a running backend', () => {
  let backend: ScaffolderTestBackend;
  let parent: string;

  beforeAll(async () => {
    // The server may read `parent` (its reading roots), the template lives in `templates/`
    // under it: a fetch must stay in the template's folder all the same.
    parent = await writeTree({
      'secret.txt': 'top secret',
      'secrets/key.txt': 'top secret',
      'templates/skeleton/a.txt': 'a',
    });
    const fetcher = (action: string, targetPath: string) =>
      templateEntity(`fetch-${action.replace(/:/g, '-')}`, {
        parameters: { properties: { path: { type: 'string' } } },
        steps: [{ id: 'fetch', action, input: { url: '${{ parameters.path }}', targetPath } }],
      });
    backend = await startScaffolderBackend({
      fixturesDir: join(parent, 'templates'),
      readableRoots: [parent],
      entities: [
        fetcher('fetch:plain', 'out'),
        fetcher('fetch:plain:file', 'out.txt'),
        fetcher('fetch:template', 'out'),
        fetcher('fetch:template:file', 'out.txt'),
      ],
    });
  });
  afterAll(() => backend?.stop());

  const cases: Array<[string, string]> = [
    ['fetch:plain', '../secrets'],
    ['fetch:plain', 'file://PARENT/secrets'],
    ['fetch:plain:file', '../secret.txt'],
    ['fetch:plain:file', './skeleton/../../secret.txt'],
    ['fetch:plain:file', '%2e%2e/secret.txt'],
    ['fetch:plain:file', 'file://PARENT/secret.txt'],
    ['fetch:template', '../secrets'],
    ['fetch:template:file', '../secret.txt'],
    ['fetch:template:file', 'PARENT/secret.txt'],
  ];

  it.each(cases)('%s refuses a url parameter of %s', async (action, path) => {
    const id = await backend.createTask(`fetch-${action.replace(/:/g, '-')}`, {
      path: path.replace('PARENT', parent),
    });
    const { task, events } = await backend.waitForTask(id);
    expect(task.status).toBe('failed');
    expect(events.at(-1)?.body).toMatchObject({
      error: { message: expect.stringMatching(/input\.url '.*' leads outside the template's location/) },
    });
    expect(JSON.stringify(events)).not.toContain('top secret');
  });

  it('still fetches what lies beside the template', async () => {
    const id = await backend.createTask('fetch-fetch-plain-file', { path: './skeleton/a.txt' });
    expect((await backend.waitForTask(id)).task.status).toBe('completed');
  });
});
