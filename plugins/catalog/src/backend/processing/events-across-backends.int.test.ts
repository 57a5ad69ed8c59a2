import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreServices, defineModule, type EventParams, type EventsService } from '@atrium/kernel';
import { describe, expect, it } from 'vitest';
import { CATALOG_EVENT_TOPICS, type CatalogEntityUpsertedEvent } from '../../common/catalog-events.js';
import { ALL_KINDS, copyFixture, startCatalog } from '../__fixtures__/start-catalog.js';

const SYNC = 'test.sync';

function recorder(seen: EventParams[], bus: { events?: EventsService }) {
  return defineModule({
    plugin: 'catalog',
    id: 'recorder',
    deps: { events: coreServices.events },
    async init({ deps }) {
      bus.events = deps.events;
      await deps.events.subscribe({
        id: 'recorder',
        topics: [CATALOG_EVENT_TOPICS.entityUpserted, SYNC],
        onEvent: (event) => void seen.push(event),
      });
    },
  });
}

describe('catalog change events on two backends sharing one PostgreSQL', () => {
  it('reach the subscribers of both backends once, whichever backend stitched', async () => {
    const dir = copyFixture('catalog');
    const prefix = `t${randomBytes(5).toString('hex')}_`;
    const seen: Record<'one' | 'two', EventParams[]> = { one: [], two: [] };
    const buses: Record<'one' | 'two', { events?: EventsService }> = { one: {}, two: {} };
    const options = (name: 'one' | 'two') => ({
      database: 'postgres' as const,
      prefix,
      catalog: {
        locations: [{ type: 'file', target: join(dir, 'domain.yaml') }],
        rules: [{ allow: ALL_KINDS }],
      },
      features: [recorder(seen[name], buses[name])],
    });
    const [one, two] = await Promise.all([startCatalog(options('one')), startCatalog(options('two'))]);
    try {
      const entity = async () => (await one.get('/entities/by-name/domain/default/commerce')).body;
      await one.waitFor(async () => (await entity())?.metadata?.name === 'commerce');
      const file = join(dir, 'domain.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('title: Commerce', 'title: Commerce\n  description: edited'),
      );
      expect((await two.send('POST', '/refresh', { entityRef: 'domain:default/commerce' })).status).toBe(200);
      const edited = await one.waitFor(async () => {
        const served = await entity();
        return served.metadata.description === 'edited' && served;
      });
      const isEdit = (event: EventParams) =>
        event.topic === CATALOG_EVENT_TOPICS.entityUpserted &&
        (event.eventPayload as CatalogEntityUpsertedEvent).etag === edited.metadata.etag;
      await one.waitFor(async () => seen.one.some(isEdit) && seen.two.some(isEdit));
      // Whatever was sent before these markers has reached both backends once they are seen.
      await buses.one.events?.publish({ topic: SYNC, eventPayload: 'one' });
      await one.waitFor(async () => seen.two.some((e) => e.eventPayload === 'one'));
      await buses.two.events?.publish({ topic: SYNC, eventPayload: 'two' });
      await one.waitFor(async () => seen.one.some((e) => e.eventPayload === 'two'));
      for (const events of [seen.one, seen.two]) {
        expect(events.filter(isEdit).map((e) => e.eventPayload)).toEqual([
          {
            entityRef: 'domain:default/commerce',
            uid: edited.metadata.uid,
            etag: edited.metadata.etag,
            action: 'updated',
          },
        ]);
      }
    } finally {
      await two.backend.stop();
      await one.stop();
    }
  }, 90_000);
});
