import type { Entity } from '@atrium/catalog-model';
import { coreServices, defineServiceFactory, type PermissionPolicy } from '@atrium/kernel';
import { searchPlugin } from '@atrium/search/backend';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
  templateEntity,
} from '../../backend/__fixtures__/scaffolder-test-backend.js';
import { templateSearchCollatorModule } from './search-collator-module.js';

const OUTSIDER = 'user:default/outsider';
// The outsider may read no entity, so no template either.
const policy: PermissionPolicy = {
  async handle({ permission }, { credentials }) {
    const { principal } = credentials;
    if (principal.type === 'none') return { result: 'DENY' };
    const isOutsider = principal.type === 'user' && principal.userEntityRef === OUTSIDER;
    return isOutsider && permission.name === 'catalog.entity.read' ? { result: 'DENY' } : { result: 'ALLOW' };
  },
};

const nodeService: Entity = {
  ...templateEntity('node-service', {
    owner: 'group:default/platform',
    parameters: [
      { title: 'Service details', properties: { name: { type: 'string', title: 'Repository nickname' } } },
      { title: 'Where to publish', properties: { repoUrl: { type: 'string', title: 'Hosting target' } } },
    ],
    steps: [],
  }),
  metadata: {
    name: 'node-service',
    namespace: 'default',
    title: 'Node.js service',
    description: 'A backend service with linting and a pipeline.',
    tags: ['typescript', 'backend'],
  },
};
// A component sharing the template's words: it is a catalog document, never a template one.
const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'hosting-target', namespace: 'default', description: 'Repository nickname' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/platform' },
};

interface SearchAnswer {
  results: Array<{ type: string; document: { title: string; location: string; tags?: string[] } }>;
  numberOfResults?: number;
}

describe.each(testDatabaseKinds())('the software-template collator on %s', (kind) => {
  let database: TestDatabase;
  let backend: ScaffolderTestBackend;
  const search = async (query: string, token = backend.token): Promise<SearchAnswer> => {
    const response = await backend.fetch(`/api/search/query?${query}`, { token });
    expect(response.status).toBe(200);
    return (await response.json()) as SearchAnswer;
  };
  const searchUntil = async (query: string, found: (answer: SearchAnswer) => boolean) => {
    return vi.waitFor(
      async () => {
        const answer = await search(query);
        expect(found(answer), `search answers '${query}' as expected: ${JSON.stringify(answer)}`).toBe(true);
        return answer;
      },
      { timeout: 20_000, interval: 100 },
    );
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    backend = await startScaffolderBackend({
      entities: [nodeService, component],
      database: database.config,
      features: [
        searchPlugin,
        templateSearchCollatorModule,
        defineServiceFactory({ service: coreServices.permissionPolicy, deps: {}, factory: () => policy }),
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  it('finds a template by its title, description, tags and form titles, linked to its run page', async () => {
    const answer = await searchUntil(
      'term=hosting%20target&types[0]=software-template',
      (a) => a.results.length > 0,
    );
    expect(answer.results.map((r) => [r.type, r.document.title, r.document.location])).toEqual([
      ['software-template', 'Node.js service', '/create/templates/default/node-service'],
    ]);
    for (const term of ['node', 'pipeline', 'typescript', 'service details', 'repository nickname']) {
      const found = await search(`term=${encodeURIComponent(term)}&types[0]=software-template`);
      expect(
        found.results.map((r) => r.document.location),
        term,
      ).toEqual(['/create/templates/default/node-service']);
    }
  });

  it('holds templates only, and shows none to a caller who may not read the template entity', async () => {
    await searchUntil('term=node&types[0]=software-template', (a) => a.results.length > 0);
    const all = await search('term=&types[0]=software-template');
    expect(all.results.map((r) => r.document.title)).toEqual(['Node.js service']);
    const outsider = await backend.userToken(OUTSIDER);
    expect(await search('term=repository&types[0]=software-template', outsider)).toMatchObject({
      results: [],
      numberOfResults: 0,
    });
  });
});
