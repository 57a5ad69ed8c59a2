import { coreServices, defineServiceFactory, type PermissionPolicy } from '@atrium/kernel';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  componentYaml,
  eventually,
  type ScorecardsBackend,
  startScorecardsBackend,
} from './__fixtures__/scorecards-backend.js';

const BOB = 'user:default/bob';
const MALLORY = 'user:default/mallory';
const type = 'catalog-entity';

// bob reads what his team owns and entities labelled `public` (his team's group); mallory
// reads nothing; everyone else (alice, the fixture's user) everything. All else is allowed.
const policy: PermissionPolicy = {
  async handle({ permission }, { credentials }) {
    const { principal } = credentials;
    if (permission.name !== 'catalog.entity.read' || principal.type !== 'user') return { result: 'ALLOW' };
    if (principal.userEntityRef === MALLORY) return { result: 'DENY' };
    if (principal.userEntityRef !== BOB) return { result: 'ALLOW' };
    return {
      result: 'CONDITIONAL',
      pluginId: 'catalog',
      resourceType: type,
      conditions: {
        anyOf: [
          { rule: 'IS_ENTITY_OWNER', resourceType: type, params: { claims: principal.ownershipEntityRefs } },
          { rule: 'HAS_LABEL', resourceType: type, params: { label: 'public' } },
        ],
      },
    };
  },
};

const groupYaml = (name: string, labels: Record<string, string> = {}) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\n  labels: ${JSON.stringify(labels)}\nspec:\n  type: team\n  children: []\n`;

const tree = {
  'a-one/catalog-info.yaml': componentYaml('a-one', { owner: 'team-a' }),
  'a-two/catalog-info.yaml': componentYaml('a-two', { owner: 'team-a' }),
  'b-one/catalog-info.yaml': componentYaml('b-one', { owner: 'team-b' }),
  'b-lab/catalog-info.yaml': componentYaml('b-lab', { owner: 'team-b', lifecycle: 'experimental' }),
  'team-a/catalog-info.yaml': groupYaml('team-a'),
  'team-b/catalog-info.yaml': groupYaml('team-b', { public: 'true' }),
  // The owner of the fixture's checks: exists, but bob may not read it.
  'platform/catalog-info.yaml': groupYaml('platform'),
};
const components = ['a-one', 'a-two', 'b-one', 'b-lab', 'team-a', 'team-b', 'platform'];
const HIDDEN_FROM_BOB = ['a-one', 'a-two', 'team-a', 'group:default/platform'];

type Cell = { trackId: string; ownerRef: string; entityCount: number; levels: Record<string, number> };
type Transition = { entityRef: string; checkId: string; scope: string; toState: string };
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe.each(testDatabaseKinds())('scorecards answer only over readable entities, on %s', (kind) => {
  let database: TestDatabase;
  let backend: ScorecardsBackend;
  let bob: string;
  let mallory: string;
  const as = async (token: string, path: string) => {
    const reply = await backend.call('GET', path, { token });
    expect(reply.status, `${path}: ${JSON.stringify(reply.body)}`).toBe(200);
    return reply.body;
  };
  const expectNothingHidden = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const hidden of HIDDEN_FROM_BOB) expect(text).not.toContain(hidden);
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    backend = await startScorecardsBackend({
      tree,
      components,
      database: database.config,
      features: [
        defineServiceFactory({ service: coreServices.permissionPolicy, deps: {}, factory: () => policy }),
      ],
    });
    bob = await backend.userToken(BOB, [BOB, 'group:default/team-b']);
    mallory = await backend.userToken(MALLORY, [MALLORY, 'group:default/team-b']);
    const today = new Date().toISOString().slice(0, 10);
    const created = await backend.call('POST', '/campaigns', {
      body: {
        id: 'owners-everywhere',
        name: 'Owners everywhere',
        filter: { kind: 'component' },
        startDate: today,
        targetCompletionDate: '2099-12-31',
        levels: [{ ordinal: 1, name: 'Owned', checks: [{ id: 'has-owner' }, { id: 'production' }] }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Every component certified in the track, and every entity's has-owner result, as alice sees them.
    await eventually(async () => {
      const catalog = await backend.fetch('/api/catalog/entities?fields=kind', { token: backend.token });
      const kinds = ((await catalog.json()) as Array<{ kind: string }>).map((entity) => entity.kind);
      const entities = await as(backend.token, '/tracks/basic-health/entities');
      const status = await as(backend.token, '/checks/has-owner/status');
      const evaluated = sum(Object.values(status.counts) as number[]);
      const all = kinds.filter((kind) => kind !== 'Location').length === components.length;
      return all && entities.totalCount === 4 && evaluated === kinds.length ? true : undefined;
    }, 'the first evaluation of every entity');
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  it('draws the overview heatmap over readable entities only, with true counts', async () => {
    const all = (await as(backend.token, '/overview?trackId=basic-health')).cells as Cell[];
    expect(all.map((cell) => [cell.ownerRef, cell.entityCount]).sort()).toEqual([
      ['group:default/team-a', 2],
      ['group:default/team-b', 2],
    ]);
    const mine = await as(bob, '/overview?trackId=basic-health');
    expectNothingHidden(mine);
    const teamB = all.find((cell) => cell.ownerRef === 'group:default/team-b');
    expect(mine.cells).toEqual([teamB]);
    expect((await as(mallory, '/overview')).cells).toEqual([]);
  });

  it("lists a readable team's grid, and a hidden team's as a missing one", async () => {
    const grid = await as(bob, '/team-grid?groupRef=group:default/team-b');
    expect(grid.rows.map((row: { entityRef: string }) => row.entityRef)).toEqual([
      'component:default/b-lab',
      'component:default/b-one',
    ]);
    expect(grid.totalCount).toBe(2);
    const hidden = await backend.call('GET', '/team-grid?groupRef=group:default/team-a', { token: bob });
    const missing = await backend.call('GET', '/team-grid?groupRef=group:default/team-x', { token: bob });
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(JSON.stringify(hidden.body).replaceAll('team-a', 'team-x')).toBe(JSON.stringify(missing.body));
    // No catalog read at all: not even one's own group.
    const denied = await backend.call('GET', '/team-grid?groupRef=group:default/team-b', { token: mallory });
    expect(denied.status).toBe(404);
  });

  it('counts campaign progress per readable owner only', async () => {
    const all = await as(backend.token, '/campaigns/owners-everywhere/progress');
    expect(all.entityCount).toBe(4);
    const mine = await as(bob, '/campaigns/owners-everywhere/progress');
    expectNothingHidden(mine);
    expect(mine.entityCount).toBe(2);
    // b-one is production (done); b-lab is experimental (not done).
    expect(mine.byOwner).toEqual([{ ownerRef: 'group:default/team-b', entityCount: 2, completedCount: 1 }]);
    expect(mine.completedCount).toBe(1);
    expect(mine.burnDown.at(-1).remaining).toBe(1);
  });

  it('replays trends and lists changes over readable entities only', async () => {
    const since = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    // Evaluation may still be recording transitions: compare snapshots until they agree.
    const counts = await eventually(async () => {
      const history = (await as(bob, '/history?limit=1000')).transitions as Transition[];
      const trends = await as(bob, '/trends?numberOfDays=2');
      const latest = new Map(history.map((t) => [`${t.entityRef} ${t.checkId} ${t.scope}`, t.toState]));
      const today = sum(Object.values(trends.days.at(-1).counts) as number[]);
      return today === latest.size ? { history, today } : undefined;
    }, "bob's trends to agree with his history");
    expectNothingHidden(counts.history);
    expect(counts.history.length).toBeGreaterThan(0);
    const everyone = await as(backend.token, '/trends?numberOfDays=2');
    expect(sum(Object.values(everyone.days.at(-1).counts) as number[])).toBeGreaterThan(counts.today);
    const changes = await as(bob, `/changes?since=${encodeURIComponent(since)}&limit=1000`);
    expectNothingHidden(changes);
    type Change = { toState: string; fromState?: string };
    expect(changes.summary.newlyFailing).toBe(
      changes.changes.filter((c: Change) => c.toState === 'failed' && c.fromState !== 'failed').length,
    );
    expect(changes.summary.newlyPassing).toBe(
      changes.changes.filter((c: Change) => c.toState === 'passed' && c.fromState !== 'passed').length,
    );
  });

  it("counts a check's states and a track's entities over readable entities, and hides unreadable owners", async () => {
    const status = await as(bob, '/checks/has-owner/status');
    // b-one, b-lab and the team-b group.
    expect(sum(Object.values(status.counts) as number[])).toBe(3);
    const results = await as(bob, '/checks/has-owner/results?limit=1');
    expect(results.totalCount).toBe(3);
    expectNothingHidden(results);
    const entities = await as(bob, '/tracks/basic-health/entities');
    expect(entities.totalCount).toBe(2);
    const checks = await as(bob, '/checks');
    expectNothingHidden(checks);
    expect(
      checks.checks.find((check: { id: string }) => check.id === 'has-owner').ownerEntityRef,
    ).toBeUndefined();
    expectNothingHidden(await as(bob, '/export'));
    const allChecks = await as(backend.token, '/checks');
    expect(allChecks.checks.find((check: { id: string }) => check.id === 'has-owner').ownerEntityRef).toBe(
      'group:default/platform',
    );
  });

  it('refuses pushes about a hidden entity as about a missing one', async () => {
    const push = (entityRef: string) =>
      backend.call('POST', '/facts', {
        token: bob,
        body: { facts: [{ factRef: 'ci:default/coverage', entityRef, data: { percent: 90 } }] },
      });
    const hidden = await push('component:default/a-one');
    const missing = await push('component:default/a-none');
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(JSON.stringify(hidden.body).replaceAll('a-one', 'a-none')).toBe(JSON.stringify(missing.body));
    expect((await push('component:default/b-one')).status).toBe(200);
  });
});
