// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { git } from '../../__fixtures__/git-http-server.js';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
  templateEntity,
} from '../../__fixtures__/scaffolder-test-backend.js';
import { writeTree } from '../../__fixtures__/write-tree.js';

let backend: ScaffolderTestBackend;
let parent: string;

// A Component, then an API whose definition is a placeholder (resolved by the catalog).
const component = (definition: unknown) =>
  [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: '${{ values.name }}' },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: '${{ values.name }}-api' },
      spec: { type: 'openapi', owner: 'team-a', lifecycle: 'production', definition },
    },
  ]
    .map((document) => stringify(document))
    .join('---\n');

// The server may read all of `parent` (the reader's roots and catalog.allowedFileRoots),
// as with ./repositories beside other readable folders: the published repository is what
// bounds a registered file, not the server's roots.
beforeAll(async () => {
  const outside = stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'smuggled', description: 'top secret' },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  });
  const skeletons = {
    'skeletons/good/catalog-info.yaml': `${component({ $text: './README.md' })}---\n${stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'more' },
      spec: { targets: ['./docs/more.yaml'] },
    })}`,
    'skeletons/good/README.md': 'Read me',
    'skeletons/good/docs/more.yaml': outside.replace('smuggled', 'inside-too'),
    'skeletons/absolute/catalog-info.yaml': component({ $text: 'file://PARENT/secret.txt' }),
    'skeletons/climbing/catalog-info.yaml': component({ $text: '../../../../secret.txt' }),
    'skeletons/child/catalog-info.yaml': stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'child' },
      spec: { target: '../../../../outside.yaml' },
    }),
  };
  parent = await writeTree({ 'secret.txt': 'top secret', 'outside.yaml': outside });
  for (const [path, content] of Object.entries(skeletons)) {
    const file = join(parent, 'templates', path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content.replace('PARENT', parent));
  }
  backend = await startScaffolderBackend({
    fixturesDir: join(parent, 'templates'),
    readableRoots: [parent],
    config: {
      git: { allowedRemotes: [`file://${parent}/repositories/*.git`] },
      defaultEnvironment: { parameters: { gitBase: `file://${parent}/repositories` } },
    },
    entities: [
      templateEntity('publish-and-register', {
        parameters: { properties: { name: { type: 'string' }, skeleton: { type: 'string' } } },
        steps: [
          {
            id: 'fetch',
            action: 'fetch:template',
            input: {
              url: './skeletons/${{ parameters.skeleton }}',
              values: { name: '${{ parameters.name }}' },
            },
          },
          {
            id: 'publish',
            action: 'publish:git',
            input: { remoteUrl: '${{ environment.parameters.gitBase }}/${{ parameters.name }}.git' },
          },
          {
            id: 'register',
            action: 'catalog:register',
            input: { repoContentsUrl: '${{ steps.publish.output.repoContentsUrl }}' },
          },
        ],
        output: { entityRef: '${{ steps.register.output.entityRef }}' },
      }),
    ],
  });
});
afterAll(() => backend?.stop());

async function registeredTargets(): Promise<Array<{ type: string; target: string }>> {
  const { body } =
    await backend.api<Array<{ data: { type: string; target: string } }>>('/api/catalog/locations');
  return body.map(({ data }) => ({ type: data.type, target: data.target }));
}

describe('catalog:register', () => {
  it('registers the published file as a file location, with what lies inside the repository', async () => {
    const id = await backend.createTask('publish-and-register', { name: 'good-app', skeleton: 'good' });
    const { task, events } = await backend.waitForTask(id);
    expect(task.status).toBe('completed');
    expect(events.at(-1)?.body).toMatchObject({ output: { entityRef: 'component:default/good-app' } });
    expect(await registeredTargets()).toContainEqual({
      type: 'file',
      target: join(parent, 'repositories/good-app.git/blob/main/catalog-info.yaml'),
    });
    expect(
      await git(['--git-dir', join(parent, 'repositories/good-app.git'), 'ls-tree', '--name-only', 'main']),
    ).toBe('README.md\ncatalog-info.yaml\ndocs');
  });

  it.each([
    ['absolute', /document 2 at spec\.definition\.\$text 'file:\/\/.*\/secret\.txt' points outside/],
    [
      'climbing',
      /document 2 at spec\.definition\.\$text '\.\.\/\.\.\/\.\.\/\.\.\/secret\.txt' points outside/,
    ],
    ['child', /document 1 at spec\.target '\.\.\/\.\.\/\.\.\/\.\.\/outside\.yaml' points outside/],
  ])('refuses a file whose %s reference leads outside the published repository', async (skeleton, why) => {
    const name = `${skeleton}-app`;
    const id = await backend.createTask('publish-and-register', { name, skeleton });
    const { task, events } = await backend.waitForTask(id);
    expect(task.status).toBe('failed');
    const message = (events.at(-1)?.body as { error?: { message: string } } | undefined)?.error?.message;
    expect(message).toMatch(
      /^Step 'register' \(catalog:register\) failed: catalog:register refuses file:\/\//,
    );
    expect(message).toMatch(why);
    expect(message).toMatch(/outside the published repository/);
    expect(JSON.stringify(events)).not.toContain('top secret');
    expect((await registeredTargets()).map((l) => l.target).filter((t) => t.includes(name))).toEqual([]);
  });
});
