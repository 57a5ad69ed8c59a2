// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { join, resolve } from 'node:path';
import { coreServices, defineServiceFactory } from '@atrium/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
  templateEntity,
} from '../__fixtures__/scaffolder-test-backend.js';
import { writeTree } from '../__fixtures__/write-tree.js';

const examples = resolve(import.meta.dirname, '../../../../../examples/templates');

// Everyone may do everything, except the outsider, who may not use the template tools.
const policy = defineServiceFactory({
  service: coreServices.permissionPolicy,
  deps: {},
  factory: () => ({
    async handle({ permission }, { credentials }) {
      const user = credentials.principal.type === 'user' ? credentials.principal.userEntityRef : undefined;
      const denied = user === 'user:default/outsider' && permission.name === 'scaffolder.template.management';
      return { result: denied ? ('DENY' as const) : ('ALLOW' as const) };
    },
  }),
});

interface Files {
  files: Array<{ path: string; base64Content: string; executable?: boolean }>;
  unread: Array<{ stepId: string; url: string; reason: string }>;
}

let backend: ScaffolderTestBackend;
beforeAll(async () => {
  backend = await startScaffolderBackend({
    fixturesDir: await writeTree({
      'skeleton/README.md': '# ${{ values.name }}\n',
      'skeleton/src/index.js': 'export {};\n',
      'notes.txt': 'plain file\n',
    }),
    features: [policy],
    locations: [join(examples, 'all.yaml')],
    entities: [
      templateEntity('with-files', {
        steps: [
          { id: 'skeleton', action: 'fetch:template', input: { url: './skeleton' } },
          { id: 'notes', action: 'fetch:plain:file', input: { url: './notes.txt', targetPath: 'n.txt' } },
          { id: 'by-value', action: 'fetch:plain', input: { url: './${{ parameters.flavour }}' } },
          { id: 'outside', action: 'fetch:plain', input: { url: '../../etc' } },
          { id: 'log', action: 'debug:log', input: { message: 'hi' } },
        ],
      }),
    ],
  });
});
afterAll(() => backend?.stop());

const decode = (files: Files['files']) =>
  Object.fromEntries(files.map((f) => [f.path, Buffer.from(f.base64Content, 'base64').toString()]));

describe('GET /v2/templates/:namespace/:kind/:name/files', () => {
  it("reads what the template's fetch steps read, relative to the template, and says what it could not", async () => {
    const { status, body } = await backend.api<Files>('/v2/templates/default/template/with-files/files');
    expect(status).toBe(200);
    expect(decode(body.files)).toEqual({
      'notes.txt': 'plain file\n',
      'skeleton/README.md': '# ${{ values.name }}\n',
      'skeleton/src/index.js': 'export {};\n',
    });
    expect(body.unread).toEqual([
      {
        stepId: 'by-value',
        url: './${{ parameters.flavour }}',
        reason: 'the URL depends on the form values; add its files by hand',
      },
      {
        stepId: 'outside',
        url: '../../etc',
        reason: expect.stringContaining("leads outside the template's location"),
      },
    ]);
  });

  it('loads the skeleton of an example template', async () => {
    const { status, body } = await backend.api<Files>('/v2/templates/default/template/node-service/files');
    expect(status).toBe(200);
    expect(body.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'skeleton/package.json',
        'skeleton/src/index.js',
        'skeleton/catalog-info.yaml',
      ]),
    );
    expect(body.files.map((f) => f.path)).not.toContain('template.yaml');
    expect(body.unread).toEqual([]);
  });

  it('answers 404 for a missing template, 400 for an entity that is not one, 403 without the permission', async () => {
    const missing = await backend.api<{ error: { message: string } }>(
      '/v2/templates/default/template/nope/files',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      "template 'template:default/nope' was not found in the catalog, or you may not read it",
    );
    const group = await backend.api('/v2/templates/default/location/example-templates/files');
    expect(group.status).toBe(400);
    const outsider = await backend.api('/v2/templates/default/template/with-files/files', {
      token: await backend.userToken('user:default/outsider'),
    });
    expect(outsider.status).toBe(403);
  });
});
