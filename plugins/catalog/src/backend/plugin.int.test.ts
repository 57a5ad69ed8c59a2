import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreServices, defineModule } from '@atrium/kernel';
import { testDatabaseVariants } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_EVENT_TOPICS } from '../common/catalog-events.js';
import { ALL_KINDS, copyFixture, startCatalog, type TestCatalog } from './__fixtures__/start-catalog.js';

type RecordedEvent = { topic: string; payload: { entityRef?: string; action?: string } };

/** A module that records the catalog's events into `events` (one array per backend run). */
function recordEventsInto(events: RecordedEvent[]) {
  return defineModule({
    plugin: 'catalog',
    id: 'test-events',
    deps: { events: coreServices.events },
    async init({ deps }) {
      await deps.events.subscribe({
        id: 'catalog-test',
        topics: Object.values(CATALOG_EVENT_TOPICS),
        onEvent: (event) => {
          events.push({ topic: event.topic, payload: event.eventPayload as RecordedEvent['payload'] });
        },
      });
    },
  });
}

describe.each(testDatabaseVariants())('catalog plugin on %s', (database) => {
  // Per run: the PostgreSQL assertions must not pass on the SQLite run's events.
  const events: RecordedEvent[] = [];
  let catalog: TestCatalog;
  let dir: string;
  const byName = async (kind: string, name: string, namespace = 'default') =>
    (await catalog.get(`/entities/by-name/${kind}/${namespace}/${name}`)).body;

  beforeAll(async () => {
    dir = copyFixture('catalog');
    catalog = await startCatalog({
      database,
      catalog: {
        locations: [{ type: 'file', target: join(dir, 'catalog-info.yaml') }],
        rules: [{ allow: ALL_KINDS }],
      },
      features: [recordEventsInto(events)],
    });
    await catalog.waitFor(
      async () => (await catalog.get('/entities/by-query?limit=0')).body.totalItems === 17,
    );
    await catalog.waitFor(
      async () =>
        (await catalog.get('/entities/by-query?limit=0&filter=relations.hasmember')).body.totalItems === 2,
    );
  });
  afterAll(() => catalog.stop());

  it('ingests every kind from multi-document files, globs and nested locations', async () => {
    const page = await catalog.get(
      '/entities/by-query?limit=100&orderField=metadata.name,asc&fields=kind,metadata.name',
    );
    const names = page.body.items.map(
      (e: { kind: string; metadata: { name: string } }) => `${e.kind}:${e.metadata.name}`,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'Component:payments-api',
        'API:payments',
        'Resource:payments-db',
        'System:payments',
        'Domain:commerce',
      ]),
    );
    expect(names).toEqual(
      expect.arrayContaining(['Group:platform', 'User:jdoe', 'Location:nested', 'Template:new-service']),
    );
    expect((await byName('component', 'web-frontend', 'SHOP')).metadata.name).toBe('Web-Frontend');
  });

  it('serves stitched entities: uid, etag, location annotations, sorted relations, safe view urls', async () => {
    const entity = await byName('component', 'payments-api');
    expect(entity.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(entity.metadata.etag).toMatch(/^[0-9a-f]{40}$/);
    expect(entity.metadata.namespace).toBe('default');
    expect(entity.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': `file:${join(dir, 'systems/payments.yaml')}`,
      'backstage.io/managed-by-origin-location': `file:${join(dir, 'catalog-info.yaml')}`,
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(entity.metadata.annotations['backstage.io/view-url']).toMatch(/^https:\/\//);
    expect(entity.status).toBeUndefined();
    expect(entity.relations).toEqual([
      { type: 'consumesApi', targetRef: 'api:default/ledger' },
      { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
      { type: 'hasPart', targetRef: 'component:shop/web-frontend' },
      { type: 'ownedBy', targetRef: 'group:default/payments-team' },
      { type: 'partOf', targetRef: 'system:default/payments' },
      { type: 'providesApi', targetRef: 'api:default/payments' },
    ]);
  });

  it('derives relations in both directions', async () => {
    const team = await byName('group', 'payments-team');
    expect(team.relations).toEqual(
      expect.arrayContaining([
        { type: 'childOf', targetRef: 'group:default/acme' },
        { type: 'hasMember', targetRef: 'user:default/asmith' },
        { type: 'ownerOf', targetRef: 'component:default/payments-api' },
        { type: 'ownerOf', targetRef: 'system:default/payments' },
      ]),
    );
    const api = await byName('api', 'ledger');
    expect(api.relations).toEqual(
      expect.arrayContaining([
        { type: 'apiConsumedBy', targetRef: 'component:default/payments-api' },
        { type: 'apiProvidedBy', targetRef: 'component:default/ledger-service' },
      ]),
    );
    expect((await byName('user', 'jdoe')).relations).toContainEqual({
      type: 'ownerOf',
      targetRef: 'component:default/ledger-service',
    });
  });

  it('resolves $text placeholders relative to the descriptor', async () => {
    expect((await byName('api', 'payments')).spec.definition).toContain('title: Payments');
  });

  it('publishes change events', () => {
    const added = events.filter(
      (e) => e.topic === CATALOG_EVENT_TOPICS.entityUpserted && e.payload.action === 'added',
    );
    expect(added.map((e) => e.payload.entityRef)).toContain('component:default/payments-api');
  });

  it('picks up a changed file on refresh and keeps the uid', async () => {
    const before = await byName('component', 'ledger-service');
    const file = join(dir, 'systems/ledger.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('  tags: [go]', '  tags: [go]\n  description: edited'),
    );
    expect(
      (await catalog.send('POST', '/refresh', { entityRef: 'component:default/ledger-service' })).status,
    ).toBe(200);
    const after = await catalog.waitFor(async () => {
      const entity = await byName('component', 'ledger-service');
      return entity.metadata.description === 'edited' && entity;
    });
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.metadata.etag).not.toBe(before.metadata.etag);
    expect(
      events.some(
        (e) => e.payload.entityRef === 'component:default/ledger-service' && e.payload.action === 'updated',
      ),
    ).toBe(true);
  });

  it('orphans and deletes entities removed from their file (default strategy)', async () => {
    const file = join(dir, 'org/users.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').split('---')[0] as string);
    await catalog.send('POST', '/refresh', { entityRef: 'user:default/jdoe' });
    await catalog.waitFor(
      async () => (await catalog.get('/entities/by-name/user/default/asmith')).status === 404,
    );
    const team = await catalog.waitFor(async () => {
      const group = await byName('group', 'payments-team');
      return !group.relations.some((r: { type: string }) => r.type === 'hasMember') && group;
    });
    expect(team.metadata.name).toBe('payments-team');
    expect(
      events.some(
        (e) =>
          e.topic === CATALOG_EVENT_TOPICS.entityDeleted && e.payload.entityRef === 'user:default/asmith',
      ),
    ).toBe(true);
  });
});
