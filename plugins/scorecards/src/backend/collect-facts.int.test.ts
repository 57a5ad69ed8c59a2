import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  componentYaml,
  eventually,
  type ScorecardsBackend,
  startScorecardsBackend,
} from './__fixtures__/scorecards-backend.js';

const shop = 'component:default/shop';

describe.each(testDatabaseKinds())('POST /facts/collect on %s', (kind) => {
  let database: TestDatabase;
  let backend: ScorecardsBackend;
  const readmeState = async () =>
    (await backend.call('GET', `/results?entityRef=${shop}&checks=has-readme`)).body.results?.[0]?.state;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    backend = await startScorecardsBackend({
      tree: { 'shop/catalog-info.yaml': componentYaml('shop'), 'shop/README.md': '# Shop\n' },
      components: ['shop'],
      database: database.config,
      scorecards: {
        // One scheduled scm run in the test's lifetime: a later change shows only if collected on demand.
        collectors: {
          catalog: { frequency: { seconds: 1 } },
          scm: {
            frequency: { hours: 1 },
            facts: [
              { name: 'readme', path: 'README.md', type: 'exists' },
              { name: 'node-engine', path: 'package.json', type: 'value', valuePath: '$.engines.node' },
            ],
          },
        },
      },
    });
    await eventually(
      async () => ((await readmeState()) === 'passed' ? true : undefined),
      'the first scm run',
    );
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  it('collects now for the entity, skipping collectors that do not collect, and re-evaluates', async () => {
    await rm(join(backend.root, 'shop/README.md'));
    const answer = await backend.call('POST', '/facts/collect', {
      body: { collectorIds: ['scm', 'catalog', 'nope'], entityRefs: [shop] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.queued).toEqual([{ collectorId: 'scm', entityRefs: [shop], jobsQueued: 1 }]);
    expect(answer.body.skipped.map((skip: { collectorId: string }) => skip.collectorId)).toEqual([
      'catalog',
      'nope',
    ]);
    await eventually(
      async () => ((await readmeState()) === 'failed' ? true : undefined),
      'has-readme failed',
    );
  });

  it('refuses an entity the catalog does not have, naming it', async () => {
    const answer = await backend.call('POST', '/facts/collect', {
      body: { collectorIds: ['scm'], entityRefs: ['component:default/nope'] },
    });
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).toContain('component:default/nope');
  });
});
