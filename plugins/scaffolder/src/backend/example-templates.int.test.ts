import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '@atrium/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { TaskStepSpec } from '../common/index.js';
import { git } from './__fixtures__/git-http-server.js';
import { createRunHarness } from './__fixtures__/run-harness.js';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
} from './__fixtures__/scaffolder-test-backend.js';

// The shipped example templates, run as `npm start` runs them: read from
// examples/templates, publishing to bare repositories in a folder of their own.
const examples = fileURLToPath(new URL('../../../../examples/templates/', import.meta.url));
const injected = 'x\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: pwned';
const valid = { name: 'inventory-api', owner: 'group:default/team-devex', description: 'Keeps stock.' };

let backend: ScaffolderTestBackend;
let repositories: string;

async function waitForTemplate(name: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const { status } = await backend.api(`/api/catalog/entities/by-name/template/default/${name}`);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the catalog never served template ${name}`);
}

beforeAll(async () => {
  repositories = await mkdtemp(join(tmpdir(), 'atrium-repositories-'));
  backend = await startScaffolderBackend({
    locations: [join(examples, 'all.yaml')],
    readableRoots: [examples, repositories],
    config: {
      git: { allowedRemotes: [`file://${repositories}/*.git`] },
      defaultEnvironment: { parameters: { gitBase: `file://${repositories}` } },
    },
  });
  for (const name of ['node-service', 'docs-site', 'ts-library']) await waitForTemplate(name);
});
afterAll(() => backend?.stop());

type Errors = { errors: Array<{ property: string; name: string; message: string }> };
const create = (templateRef: string, values: JsonObject) =>
  backend.api<Errors>('/v2/tasks', { body: { templateRef, values } });

describe('the example templates', () => {
  it.each([
    ['node-service', { ...valid, name: injected }, 'instance.name', 'pattern'],
    ['node-service', { ...valid, owner: `group:default/team-devex${injected}` }, 'instance.owner', 'pattern'],
    ['node-service', { ...valid, description: `Keeps stock.${injected}` }, 'instance.description', 'pattern'],
    ['node-service', { ...valid, name: 'a'.repeat(64) }, 'instance.name', 'maxLength'],
    ['node-service', { ...valid, port: '3000\n---' }, 'instance.port', 'type'],
    ['node-service', { ...valid, lifecycle: `production${injected}` }, 'instance.lifecycle', 'enum'],
    ['docs-site', { ...valid, title: `Handbook${injected}` }, 'instance.title', 'pattern'],
    ['docs-site', { ...valid, component: `component:default/x${injected}` }, 'instance.component', 'pattern'],
    ['ts-library', { ...valid, system: `system:default/x${injected}` }, 'instance.system', 'pattern'],
  ])('%s refuses %j with a 400 naming %s', async (template, values, property, keyword) => {
    const { status, body } = await create(template, values);
    expect(status).toBe(400);
    expect(body.errors.map((error) => error.property)).toEqual(body.errors.map(() => property));
    expect(body.errors.map((error) => error.name)).toContain(keyword);
  });

  it('refuses the same values in a dry run of the template', async () => {
    const text = await readFile(join(examples, 'node-service/template.yaml'), 'utf8');
    const { status, body } = await backend.api<Errors>('/v2/dry-run', {
      body: { template: text, values: { ...valid, owner: injected }, directoryContents: [] },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ property: 'instance.owner', name: 'pattern' })]);
  });

  it('publishes the Node.js service to a bare repository and registers it as a file location', async () => {
    const { status, body } = await backend.api<{ id: string }>('/v2/tasks', {
      // What the form sends: its defaults filled in.
      body: { templateRef: 'node-service', values: { ...valid, port: 3000, lifecycle: 'experimental' } },
    });
    expect(status).toBe(201);
    const { task, events } = await backend.waitForTask(body.id, 30_000);
    expect(task.status).toBe('completed');
    expect(events.at(-1)?.body).toMatchObject({
      output: {
        links: expect.arrayContaining([
          { title: 'Open in catalog', icon: 'catalog', entityRef: 'component:default/inventory-api' },
        ]),
      },
    });
    const repository = join(repositories, 'inventory-api.git');
    const descriptor = await git(['--git-dir', repository, 'show', 'main:catalog-info.yaml']);
    expect(parse(descriptor)).toMatchObject({
      metadata: { name: 'inventory-api' },
      spec: { owner: valid.owner },
    });
    const { body: locations } =
      await backend.api<Array<{ data: { type: string; target: string } }>>('/api/catalog/locations');
    expect(locations.map((l) => l.data)).toContainEqual(
      expect.objectContaining({ type: 'file', target: join(repository, 'blob/main/catalog-info.yaml') }),
    );
  });
});

describe('the example skeletons with validation bypassed', () => {
  const harness = createRunHarness();
  afterAll(() => harness.close());

  it.each(['node-service', 'docs-site', 'ts-library'])(
    '%s still renders one catalog-info.yaml document holding the literal values',
    async (name) => {
      const template = parse(await readFile(join(examples, name, 'template.yaml'), 'utf8')) as {
        spec: { steps: TaskStepSpec[] };
      };
      const parameters = {
        name: injected,
        owner: injected,
        description: injected,
        title: injected,
        port: 3000,
      };
      const { result, workspace } = await harness.run(
        { steps: [template.spec.steps[0]!], parameters },
        { templateDir: join(examples, name) },
      );
      expect(result.status).toBe('completed');
      const text = await readFile(join(workspace, 'catalog-info.yaml'), 'utf8');
      expect(parseAllDocuments(text)).toHaveLength(1);
      expect(parse(text)).toMatchObject({ metadata: { name: injected }, spec: { owner: injected } });
      expect(await readdir(workspace)).toContain('catalog-info.yaml');
    },
  );
});
