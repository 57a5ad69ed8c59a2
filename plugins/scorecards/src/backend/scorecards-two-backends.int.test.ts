import { defineModule } from '@atrium/kernel';
import { createTestDatabase, type TestDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CI_TOKEN,
  componentYaml,
  eventually,
  type ScorecardsBackend,
  startScorecardsBackend,
} from './__fixtures__/scorecards-backend.js';
import { scorecardsFactCollectorsExtensionPoint } from './collectors/fact-collector.js';

const tree = {
  'shop/catalog-info.yaml': componentYaml('shop'),
  'shop/README.md': '# Shop\n',
  'shop/package.json': JSON.stringify({ name: 'shop', engines: { node: '>=20' } }),
  'legacy/catalog-info.yaml': componentYaml('legacy'),
};
const components = ['shop', 'legacy'];

/** Entities each backend's copy of a collector collected for (a run per schedule is one backend's). */
const collected: Record<'a' | 'b', string[]> = { a: [], b: [] };
const countingCollector = (backend: 'a' | 'b') =>
  defineModule({
    plugin: 'scorecards',
    id: `counting-${backend}`,
    deps: {},
    extensionPoints: { collectors: scorecardsFactCollectorsExtensionPoint },
    init: ({ extensions }) =>
      extensions.collectors.add({
        id: 'counting',
        facts: [{ factRef: 'counting:default/runs' }],
        // One run in the test's lifetime: a second would be a second schedule, not a duplicate.
        frequency: { minutes: 30 },
        collect: async (entity) => {
          collected[backend].push(entity.entityRef);
          return [{ factRef: 'counting:default/runs', data: { backend } }];
        },
      }),
  });

describe('scorecards: two backends on one PostgreSQL', () => {
  let database: TestDatabase;
  let a: ScorecardsBackend;
  let b: ScorecardsBackend;
  const shop = 'component:default/shop';
  const levelOn = async (backend: ScorecardsBackend, ref: string) =>
    (await backend.call('GET', `/certifications?entityRef=${ref}&trackId=basic-health`)).body
      .certifications?.[0]?.highestLevel?.ordinal ?? 0;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    a = await startScorecardsBackend({
      tree,
      components,
      database: database.config,
      features: [countingCollector('a')],
    });
    b = await startScorecardsBackend({
      tree,
      components,
      root: a.root,
      database: database.config,
      features: [countingCollector('b')],
    });
    await eventually(
      async () => ((await levelOn(b, shop)) === 2 ? true : undefined),
      'shop at level 2',
      60_000,
    );
  }, 180_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await database?.cleanup();
  });

  it('certifies on both, and a fact pushed to one shows its new level on the other', async () => {
    expect(await levelOn(a, shop)).toBe(2);
    expect(await levelOn(b, 'component:default/legacy')).toBe(1);
    const pushed = await a.call('POST', '/facts', {
      token: CI_TOKEN,
      body: { facts: [{ factRef: 'ci:default/coverage', entityRef: shop, data: { percent: 91 } }] },
    });
    expect(pushed.status).toBe(200);
    expect(await levelOn(b, shop)).toBe(3);
    const results = (await b.call('GET', `/results?entityRef=${shop}&checks=coverage`)).body.results;
    expect(results).toMatchObject([{ checkId: 'coverage', state: 'passed' }]);
    const gate = await b.call('GET', `/gate?entityRef=${shop}&trackId=basic-health&level=3`, {
      token: CI_TOKEN,
    });
    expect(gate.status).toBe(200);
  });

  it('runs each collection once across the backends', async () => {
    const facts = await eventually(
      async () => {
        const { body } = await b.call('GET', `/facts?entityRef=${shop}&factRefs=counting:default/runs`);
        return body.facts.length > 0 ? body.facts : undefined;
      },
      `the counting collector to run (collected so far: ${JSON.stringify(collected)})`,
      80_000,
    );
    // The run is over when its fact is stored; give the other backend's scheduler (50 ms
    // polls) a second to show that it does not run the same schedule again.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const runs = [...collected.a, ...collected.b].filter((ref) => ref === shop);
    expect(runs).toHaveLength(1);
    expect(facts[0].data.backend).toBe(collected.a.includes(shop) ? 'a' : 'b');
  }, 90_000);

  it('records each transition once although both backends sync the catalog every second', async () => {
    const { body } = await a.call('GET', `/history?entityRef=${shop}&limit=500`);
    const transitions: Array<{ checkId: string; fromState?: string; toState: string }> = body.transitions;
    expect(transitions.length).toBeGreaterThan(0);
    const keys = transitions.map((t) => `${t.checkId} ${t.fromState ?? '-'} ${t.toState}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('coverage failed passed');
    expect(keys.filter((key) => key.startsWith('has-owner '))).toEqual(['has-owner - passed']);
  });
});
