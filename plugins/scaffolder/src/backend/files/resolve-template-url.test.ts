// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { join } from 'node:path';
import { resolveLocationTarget } from '@atrium/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
  templateEntity,
} from '../__fixtures__/scaffolder-test-backend.js';
import { writeTree } from '../__fixtures__/write-tree.js';
import { resolveTemplateUrl } from './resolve-template-url.js';

// The kernel's rule as the URL reader applies it, with /srv/templates readable (as under
// catalog.allowedFileRoots): a template's base is the deepest readable root holding it.
const reader = { resolveTarget: (l: string, t: string) => resolveLocationTarget(l, t, ['/srv/templates']) };
// A template file under no readable root: its base is its folder.
const unrooted = { resolveTarget: (l: string, t: string) => resolveLocationTarget(l, t, []) };
const fileBase = 'file:///srv/templates/node-service/template.yaml';
const repoBase = 'file:///srv/repos/templates.git/blob/main/node-service/template.yaml';
const httpBase = 'https://git.example.com/org/templates/blob/main/node-service/template.yaml';

describe('resolveTemplateUrl', () => {
  it.each([
    ['./skeleton', fileBase, 'file:///srv/templates/node-service/skeleton'],
    ['skeleton/README.md', fileBase, 'file:///srv/templates/node-service/skeleton/README.md'],
    ['.', fileBase, 'file:///srv/templates/node-service'],
    ['./a/../skeleton', fileBase, 'file:///srv/templates/node-service/skeleton'],
    ['file:///srv/templates/node-service/skeleton', fileBase, 'file:///srv/templates/node-service/skeleton'],
    // The base is the readable root, not the template's folder (the kernel's rule).
    ['../shared/skeleton', fileBase, 'file:///srv/templates/shared/skeleton'],
    // A relative url of a file template is a path: an encoded dot or slash is a literal name.
    ['%2e%2e/x', fileBase, 'file:///srv/templates/node-service/%252e%252e/x'],
    ['skeleton/..%2f..%2fx', fileBase, 'file:///srv/templates/node-service/skeleton/..%252f..%252fx'],
    ['..\\x', fileBase, 'file:///srv/templates/node-service/..%5Cx'],
    ['../shared/skeleton', repoBase, 'file:///srv/repos/templates.git/blob/main/shared/skeleton'],
    ['./skeleton', httpBase, 'https://git.example.com/org/templates/blob/main/node-service/skeleton'],
    ['../shared', httpBase, 'https://git.example.com/org/templates/blob/main/shared'],
    // Tasks created before baseUrl named the file stored the template's folder.
    ['./skeleton', 'file:///srv/templates/node-service/', 'file:///srv/templates/node-service/skeleton'],
    // Another repository over http(s) is the URL reader's to allow or refuse
    // (backend.reading.allow), as in Backstage.
    [
      'https://git.example.com/org/shared/blob/main/skeleton',
      fileBase,
      'https://git.example.com/org/shared/blob/main/skeleton',
    ],
  ])('resolves %s from %s', (url, base, expected) => {
    expect(resolveTemplateUrl(reader, url, base, 'input.url')).toBe(expected);
  });

  it.each([
    ['../../etc', fileBase],
    ['../../../etc', fileBase],
    ['./skeleton/../../../x', fileBase],
    ['/etc/passwd', fileBase],
    ['file:///etc/passwd', fileBase],
    ['FILE:///srv/templates-evil/x', fileBase],
    ['file://other-host/srv/templates/node-service/x', fileBase],
    ['../../../x', repoBase],
    ['file:///srv/repos/templates.git/blob/other/x', repoBase],
    ['../../other/blob/main/skeleton', httpBase],
    ['/org/other/blob/main/x', httpBase],
    ['%2e%2e/%2e%2e/%2e%2e/x', httpBase],
    ['skeleton/..%2f..%2fx', httpBase],
    ['file:///srv/templates/node-service/skeleton', httpBase],
    ['data:text/plain,hello', fileBase],
  ])('refuses %s from %s, naming the field', (url, base) => {
    expect(() => resolveTemplateUrl(reader, url, base, 'input.url')).toThrow(
      /^input\.url '.*' (leads outside the template's location|may not use)/,
    );
  });

  it('keeps a template under no readable root in its folder', () => {
    expect(resolveTemplateUrl(unrooted, './skeleton', fileBase, 'input.url')).toBe(
      'file:///srv/templates/node-service/skeleton',
    );
    expect(() => resolveTemplateUrl(unrooted, '../other-template/skeleton', fileBase, 'input.url')).toThrow(
      "input.url '../other-template/skeleton' leads outside the template's location (the template at 'file:///srv/templates/node-service/template.yaml' may read inside 'file:///srv/templates/node-service/')",
    );
  });

  it('needs a base for a relative URL and refuses file: URLs without one', () => {
    expect(() => resolveTemplateUrl(reader, './skeleton', undefined, 'input.url')).toThrow(/has no base URL/);
    expect(() => resolveTemplateUrl(reader, 'file:///srv/x', undefined, 'input.url')).toThrow(
      /leads outside the template's location/,
    );
  });
});

describe('fetch actions in a task of a running backend', () => {
  let backend: ScaffolderTestBackend;
  let parent: string;

  beforeAll(async () => {
    // The server may read `parent` and `parent/templates` (catalog.allowedFileRoots, the
    // folder of the config locations); the template lives in `templates/`: a fetch must stay
    // in the deepest readable root holding the template, `templates/`, all the same.
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

  it('reads a percent-encoded .. in a relative url as a literal name beside the template, not as a climb', async () => {
    const id = await backend.createTask('fetch-fetch-plain-file', { path: '%2e%2e/secret.txt' });
    const { task, events } = await backend.waitForTask(id);
    // Had it climbed, it would have read ../secret.txt, which exists.
    expect(task.status).toBe('failed');
    expect(events.at(-1)?.body).toMatchObject({
      error: { message: expect.stringMatching(/templates\/%2e%2e\/secret\.txt' does not exist/) },
    });
    expect(JSON.stringify(events)).not.toContain('top secret');
  });

  it('still fetches what lies beside the template', async () => {
    const id = await backend.createTask('fetch-fetch-plain-file', { path: './skeleton/a.txt' });
    expect((await backend.waitForTask(id)).task.status).toBe('completed');
  });
});
