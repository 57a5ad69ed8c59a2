import { coreServices, defineServiceFactory, type PermissionPolicy } from '@atrium/kernel';
import { searchPlugin } from '@atrium/search/backend';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  componentYaml,
  type DocsBackend,
  startDocsBackend,
  waitForEntity,
  writeTree,
} from '../../backend/__fixtures__/docs-backend.js';
import { techdocsSearchCollatorModule } from './search-collator-module.js';

const OUTSIDER = 'user:default/outsider';
// The outsider may read no entity, so no page of any entity's docs either.
const policy: PermissionPolicy = {
  async handle({ permission }, { credentials }) {
    const { principal } = credentials;
    if (principal.type === 'none') return { result: 'DENY' };
    const isOutsider = principal.type === 'user' && principal.userEntityRef === OUTSIDER;
    return isOutsider && permission.name === 'catalog.entity.read' ? { result: 'DENY' } : { result: 'ALLOW' };
  },
};

const site = (page: string) => ({
  'ledger/catalog-info.yaml': componentYaml('ledger'),
  'ledger/mkdocs.yml': 'site_name: Ledger docs\nnav:\n  - Home: index.md\n  - Runbook: runbook.md\n',
  'ledger/docs/index.md': '# Ledger\n\nThe ledger books every payment twice.\n',
  'ledger/docs/runbook.md': page,
});

interface SearchAnswer {
  results: Array<{ type: string; document: { title: string; location: string; text: string } }>;
  numberOfResults?: number;
}

describe.each(testDatabaseKinds())('the techdocs collator on %s', (kind) => {
  let database: TestDatabase;
  let docs: DocsBackend;
  const search = async (term: string, token = docs.token): Promise<SearchAnswer> => {
    const response = await docs.fetch(
      `/api/search/query?term=${encodeURIComponent(term)}&types[0]=techdocs`,
      {
        token,
      },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as SearchAnswer;
  };
  const searchUntil = async (term: string, found: (answer: SearchAnswer) => boolean) => {
    return vi.waitFor(
      async () => {
        const answer = await search(term);
        expect(found(answer), `search answers '${term}' as expected: ${JSON.stringify(answer)}`).toBe(true);
        return answer;
      },
      { timeout: 20_000, interval: 100 },
    );
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    docs = await startDocsBackend({
      components: ['ledger'],
      tree: site('# Runbook\n\nRestart the reconciler when balances drift.\n'),
      database: database.config,
      features: [
        searchPlugin,
        techdocsSearchCollatorModule,
        defineServiceFactory({ service: coreServices.permissionPolicy, deps: {}, factory: () => policy }),
      ],
    });
    await waitForEntity(docs, 'component', 'ledger');
  }, 120_000);
  afterAll(async () => {
    await docs?.stop();
    await database?.cleanup();
  });

  it('finds built pages by their words, linked to the reader, and only for who may read the entity', async () => {
    expect((await docs.sync('default/component/ledger')).at(-1)?.event).toBe('finish');
    const answer = await searchUntil('reconciler', (a) => a.results.length > 0);
    expect(answer.results).toHaveLength(1);
    expect(answer.results[0]).toMatchObject({
      type: 'techdocs',
      document: { title: 'Runbook', location: expect.stringContaining('/docs/default/component/ledger/') },
    });
    const outsider = await search('reconciler', await docs.userToken(OUTSIDER));
    expect(outsider.results).toEqual([]);
    expect(outsider.numberOfResults).toBe(0);
  });

  it('re-reads a site after it was rebuilt: new words are found, removed ones are gone', async () => {
    await writeTree(docs.root, site('# Runbook\n\nPage the on-call treasurer before a replay.\n'));
    expect((await docs.sync('default/component/ledger')).at(-1)?.event).toBe('finish');
    await searchUntil('treasurer', (a) => a.results.length === 1);
    expect((await search('reconciler')).results).toEqual([]);
  });
});
