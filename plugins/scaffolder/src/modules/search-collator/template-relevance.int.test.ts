import { resolve } from 'node:path';
import { searchPlugin } from '@atrium/search/backend';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
} from '../../backend/__fixtures__/scaffolder-test-backend.js';
import { templateSearchCollatorModule } from './search-collator-module.js';

const examples = resolve(import.meta.dirname, '../../../../../examples/templates');
const t = (name: string) => `template:default/${name}`;

/** Queries a template user types, over the shipped example templates, with the one they want on top. */
const queries: Array<{ term: string; relevant: string }> = [
  { term: 'node-service', relevant: t('node-service') },
  { term: 'Documentation site', relevant: t('docs-site') },
  { term: 'TypeScript library', relevant: t('ts-library') },
  { term: 'mkdocs', relevant: t('docs-site') },
  { term: 'dockerfile', relevant: t('node-service') },
  { term: 'health check', relevant: t('node-service') },
  { term: 'esm', relevant: t('ts-library') },
  { term: 'npm scope', relevant: t('ts-library') },
  { term: 'port', relevant: t('node-service') },
  { term: 'documents the component', relevant: t('docs-site') },
  { term: 'getting-started guide', relevant: t('docs-site') },
  { term: 'typesc', relevant: t('ts-library') },
  { term: 'nodejs', relevant: t('node-service') },
  { term: 'libary', relevant: t('ts-library') },
];

// Set from the first measured run (1.000 and 1.000 on both databases); worse ranking fails here.
const THRESHOLDS = { precisionAt1: 1, mrr: 1 };

describe.each(testDatabaseKinds())('template search relevance over the example templates on %s', (kind) => {
  let database: TestDatabase;
  let backend: ScaffolderTestBackend;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    backend = await startScaffolderBackend({
      database: database.config,
      readableRoots: [examples],
      locations: [resolve(examples, 'all.yaml')],
      features: [searchPlugin, templateSearchCollatorModule],
    });
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  it(`ranks the labelled template of ${queries.length} queries on top`, async () => {
    for (let attempt = 0; ; attempt++) {
      const { body } = await backend.api<{ numberOfResults: number }>(
        '/api/search/query?term=&types[0]=software-template',
      );
      if (body.numberOfResults === 3) break;
      if (attempt > 300) throw new Error('the example templates were never indexed');
      await new Promise((r) => setTimeout(r, 100));
    }
    let hitsAt1 = 0;
    let reciprocal = 0;
    const misses: string[] = [];
    for (const query of queries) {
      const { status, body } = await backend.api<{
        results: Array<{ document: { authorization?: { resourceRef: string } } }>;
      }>(`/api/search/query?term=${encodeURIComponent(query.term)}&types[0]=software-template`);
      expect(status, query.term).toBe(200);
      const refs = body.results.map((r) => r.document.authorization?.resourceRef);
      const rank = refs.indexOf(query.relevant) + 1;
      if (rank === 1) hitsAt1++;
      if (rank > 0) reciprocal += 1 / rank;
      if (rank !== 1) misses.push(`'${query.term}': rank ${rank || '-'}; top ${refs.slice(0, 3).join(', ')}`);
    }
    const precisionAt1 = hitsAt1 / queries.length;
    const mrr = reciprocal / queries.length;
    console.log(
      `template relevance on ${kind}: precision@1 ${precisionAt1.toFixed(3)}, MRR ${mrr.toFixed(3)}\n  ${misses.join('\n  ')}`,
    );
    expect(precisionAt1).toBeGreaterThanOrEqual(THRESHOLDS.precisionAt1);
    expect(mrr).toBeGreaterThanOrEqual(THRESHOLDS.mrr);
  });
});
