import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CI_TOKEN,
  componentYaml,
  eventually,
  type ScorecardsBackend,
  startScorecardsBackend,
} from './__fixtures__/scorecards-backend.js';

const tree = {
  // Gold once CI pushes coverage: owner, production, README, Node 20.
  'shop/catalog-info.yaml': componentYaml('shop'),
  'shop/README.md': '# Shop\n',
  'shop/package.json': JSON.stringify({ name: 'shop', engines: { node: '>=20.19' } }),
  // Bronze only: no README, Node 18.
  'legacy/catalog-info.yaml': componentYaml('legacy'),
  'legacy/package.json': JSON.stringify({ name: 'legacy', engines: { node: '18.x' } }),
  // Not even Bronze: experimental.
  'lab/catalog-info.yaml': componentYaml('lab', { lifecycle: 'experimental' }),
  // Its repository is on a host the URL reader does not allow: the scm collector fails for it alone.
  'remote/catalog-info.yaml': componentYaml('remote', {
    annotations: { 'backstage.io/source-location': 'url:https://git.evil.example/remote/' },
  }),
};
const components = ['shop', 'legacy', 'lab', 'remote'];

const stateOf = (results: Array<{ checkId: string; state: string }>, checkId: string) =>
  results.find((result) => result.checkId === checkId)?.state;

describe.each(testDatabaseKinds())('scorecards on %s', (kind) => {
  let database: TestDatabase;
  let backend: ScorecardsBackend;
  const levelOf = async (name: string) => {
    const { body } = await backend.call(
      'GET',
      `/certifications?entityRef=component:default/${name}&trackId=basic-health`,
    );
    return body.certifications[0]?.highestLevel?.ordinal ?? 0;
  };
  const resultsOf = async (name: string) =>
    (await backend.call('GET', `/results?entityRef=component:default/${name}`)).body.results ?? [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    backend = await startScorecardsBackend({ tree, components, database: database.config });
    // Wait for the catalog, the scm collector, evaluation and certification: an evaluation
    // stores its results before the levels it certifies from them, so a read in between
    // saw shop's passed checks beside its earlier level (1 where 2 follows).
    await eventually(
      async () =>
        stateOf(await resultsOf('shop'), 'node-20') === 'passed' &&
        stateOf(await resultsOf('remote'), 'has-readme') === 'error' &&
        (await levelOf('shop')) === 2
          ? true
          : undefined,
      'the first collection, evaluation and certification',
    );
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  it('evaluates rule checks over catalog and repository facts and certifies levels', async () => {
    const shop = await resultsOf('shop');
    expect(stateOf(shop, 'has-owner')).toBe('passed');
    expect(stateOf(shop, 'has-readme')).toBe('passed');
    expect(stateOf(shop, 'node-20')).toBe('passed');
    expect(shop.find((result: { checkId: string }) => result.checkId === 'has-owner').details.message).toBe(
      'Owned.',
    );
    expect(stateOf(await resultsOf('legacy'), 'node-20')).toBe('failed');
    expect(stateOf(await resultsOf('lab'), 'production')).toBe('failed');
    expect(await levelOf('shop')).toBe(2);
    expect(await levelOf('legacy')).toBe(1);
    expect(await levelOf('lab')).toBe(0);
  });

  it('marks only the entity whose collector failed as error', async () => {
    const remote = await resultsOf('remote');
    expect(stateOf(remote, 'has-readme')).toBe('error');
    expect(stateOf(remote, 'has-owner')).toBe('passed');
    expect(stateOf(await resultsOf('legacy'), 'has-readme')).toBe('failed');
  });

  it('lets a CI script push a fact with a token and gate on the result', async () => {
    const gate = () =>
      backend.call('GET', '/gate?entityRef=component:default/shop&trackId=basic-health&level=3', {
        token: CI_TOKEN,
      });
    const before = await gate();
    expect(before.status).toBe(412);
    expect(before.body).toMatchObject({ pass: false, levelOrdinal: 2, requiredLevel: 3 });
    const pushed = await backend.call('POST', '/facts', {
      token: CI_TOKEN,
      body: {
        facts: [
          { factRef: 'ci:default/coverage', entityRef: 'component:default/shop', data: { percent: 91 } },
        ],
      },
    });
    expect(pushed.status).toBe(200);
    const after = await gate();
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ pass: true, levelOrdinal: 3 });
    const check = await backend.call('GET', '/gate?entityRef=component:default/shop&checkId=coverage', {
      token: CI_TOKEN,
    });
    expect(check.body).toMatchObject({ pass: true, state: 'passed' });
  });

  it('refuses a pushed fact for an unknown entity or with the wrong schema, naming it', async () => {
    const unknown = await backend.call('POST', '/facts', {
      token: CI_TOKEN,
      body: {
        facts: [
          { factRef: 'ci:default/coverage', entityRef: 'component:default/nope', data: { percent: 1 } },
        ],
      },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("'component:default/nope'");
    const wrong = await backend.call('POST', '/facts', {
      token: CI_TOKEN,
      body: {
        facts: [
          { factRef: 'ci:default/coverage', entityRef: 'component:default/shop', data: { percent: 'lots' } },
        ],
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain("'ci:default/coverage'");
    const notPushable = await backend.call('POST', '/facts', {
      token: CI_TOKEN,
      body: {
        facts: [
          { factRef: 'catalog:default/entity_descriptor', entityRef: 'component:default/shop', data: {} },
        ],
      },
    });
    expect(notPushable.status).toBe(400);
  });

  it('stores every transition and answers what changed since a time', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const { body } = await backend.call('GET', `/history?entityRef=component:default/shop&checkId=coverage`);
    expect(body.transitions.map((row: { toState: string }) => row.toState)).toEqual(['passed', 'failed']);
    const changes = await backend.call('GET', `/changes?since=${encodeURIComponent(since)}&checkId=coverage`);
    expect(
      changes.body.changes.find(
        (change: { entityRef: string }) => change.entityRef === 'component:default/shop',
      ),
    ).toMatchObject({ toState: 'passed' });
  });

  it('refuses bad definitions with a clear error', async () => {
    const catastrophic = await backend.call('POST', '/checks', {
      body: {
        id: 'bad-regex',
        name: 'Bad',
        rule: {
          factRef: 'catalog:default/entity_descriptor',
          path: '$.metadata.name',
          operator: 'matches',
          value: '(a+)+$',
        },
      },
    });
    expect(catastrophic.status).toBe(400);
    expect(catastrophic.body.error.message).toContain('backtrack');
    const unknownFact = await backend.call('POST', '/checks', {
      body: { id: 'bad-fact', name: 'Bad', rule: { factRef: 'jira:default/tickets', operator: 'exists' } },
    });
    expect(unknownFact.body.error.message).toContain("'jira:default/tickets'");
    const badPath = await backend.call('POST', '/checks', {
      body: {
        id: 'bad-path',
        name: 'Bad',
        rule: { factRef: 'catalog:default/entity_descriptor', path: 'metadata..name', operator: 'exists' },
      },
    });
    expect(badPath.body.error.message).toContain('invalid JSONPath');
    const noJustification = await backend.call('POST', '/checks/exemptions', {
      body: { checkId: 'node-20', entityRef: 'component:default/legacy', justification: ' ' },
    });
    expect(noJustification.status).toBe(400);
  });

  it('refuses tracks whose levels depend on each other in a cycle', async () => {
    const readsLevel = (id: string, track: string) => ({
      id,
      name: id,
      rule: {
        factRef: `scorecards:default/track/${track}`,
        path: '$.highestLevel.ordinal',
        operator: 'greaterThanInclusive',
        value: 1,
      },
    });
    const level = (check: string) => [{ ordinal: 1, name: 'One', checks: [{ id: check }] }];
    expect(
      (
        await backend.call('POST', '/tracks', {
          body: { id: 'track-a', name: 'A', levels: level('has-owner') },
        })
      ).status,
    ).toBe(201);
    expect((await backend.call('POST', '/checks', { body: readsLevel('needs-a', 'track-a') })).status).toBe(
      201,
    );
    expect(
      (
        await backend.call('POST', '/tracks', {
          body: { id: 'track-b', name: 'B', levels: level('needs-a') },
        })
      ).status,
    ).toBe(201);
    expect((await backend.call('POST', '/checks', { body: readsLevel('needs-b', 'track-b') })).status).toBe(
      201,
    );
    const cycle = await backend.call('PUT', '/tracks/track-a', {
      body: { id: 'track-a', name: 'A', levels: level('needs-b') },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.message).toMatch(/'track-(a|b)' -> 'track-(a|b)' -> 'track-(a|b)'/);
  });

  it('keeps file definitions read-only and exports them as YAML', async () => {
    const { body: check } = await backend.call('GET', '/checks/has-owner');
    expect(check.source.type).toBe('file');
    const edit = await backend.call('PUT', '/checks/has-owner', {
      body: { id: 'has-owner', name: 'Renamed' },
    });
    expect(edit.status).toBe(409);
    const { body } = await backend.call('GET', '/export?kind=track&ids=basic-health');
    expect(body.yaml).toContain('id: basic-health');
  });

  it('runs an exemption through request, owner approval and revoke, changing the level', async () => {
    const key = { checkId: 'node-20', entityRef: 'component:default/legacy' };
    const asked = await backend.call('POST', '/checks/exemptions', {
      body: { ...key, justification: 'Migrating in Q3', expiresAt: '2099-12-31' },
    });
    expect(asked.status).toBe(201);
    const outsider = await backend.userToken('user:default/bob', ['user:default/bob']);
    expect(
      (await backend.call('POST', '/checks/exemptions/approve', { body: key, token: outsider })).status,
    ).toBe(403);
    const approved = await backend.call('POST', '/checks/exemptions/approve', { body: key });
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: 'user:default/alice' });
    // Silver still needs the README; the exemption covers node-20 only.
    expect(stateOf(await resultsOf('legacy'), 'node-20')).toBe('failed');
    expect(
      (await resultsOf('legacy')).find((result: { checkId: string }) => result.checkId === 'node-20')
        .exempted,
    ).toBe(true);
    const revoked = await backend.call('POST', '/checks/exemptions/revoke', {
      body: { ...key, reason: 'Q3 is over' },
    });
    expect(revoked.body.status).toBe('revoked');
    const restored = await backend.call('POST', '/checks/exemptions/restore', { body: key });
    expect(restored.body.status).toBe('approved');
  });

  it('sets a manual state with a reason and dry-runs a draft check without storing it', async () => {
    const manual = await backend.call('POST', '/results/manual', {
      body: {
        entityRef: 'component:default/shop',
        checkId: 'security-review',
        state: 'passed',
        reason: 'Reviewed by appsec',
      },
    });
    expect(manual.body).toMatchObject({ state: 'passed', submittedBy: 'user:default/alice' });
    const draft = {
      id: 'draft',
      name: 'Tagged',
      rule: {
        factRef: 'catalog:default/entity_descriptor',
        path: '$.metadata.name',
        operator: 'matches',
        value: '^sh',
      },
    };
    const dry = await backend.call('POST', '/checks/execute?dryRun=true', {
      body: { check: draft, entityRefs: ['component:default/shop', 'component:default/lab'] },
    });
    expect(
      dry.body.results.map((result: { entityRef: string; state: string }) => [
        result.entityRef,
        result.state,
      ]),
    ).toEqual([
      ['component:default/lab', 'failed'],
      ['component:default/shop', 'passed'],
    ]);
    expect((await backend.call('GET', '/checks/draft')).status).toBe(404);
  });

  it('aggregates the overview by track and owner', async () => {
    const { body } = await backend.call('GET', '/overview?trackId=basic-health');
    const cell = body.cells.find((item: { ownerRef: string }) => item.ownerRef === 'group:default/team-a');
    expect(cell.entityCount).toBe(4);
    expect(cell.levels['3']).toBe(1);
  });
});
