import { randomBytes } from 'node:crypto';
import { defineModule } from '@atrium/kernel';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../__fixtures__/generated-catalog.js';
import { startCatalog } from '../__fixtures__/start-catalog.js';
import { catalogProcessorsPoint } from '../extensions/catalog-extension-points.js';

function countingModule(counts: Map<string, number>, backend: string) {
  return defineModule({
    plugin: 'catalog',
    id: 'counting',
    deps: {},
    extensionPoints: { processors: catalogProcessorsPoint },
    init({ extensions }) {
      extensions.processors.add({
        getProcessorName: () => 'CountingProcessor',
        async preProcessEntity(entity) {
          const key = `${entity.kind}:${entity.metadata.name}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          counts.set(`backend:${backend}`, (counts.get(`backend:${backend}`) ?? 0) + 1);
          return entity;
        },
      });
    },
  });
}

describe('two backends sharing one PostgreSQL', () => {
  it('process each entity once per cycle', async () => {
    const catalog = generateCatalog(30, 20);
    const prefix = `t${randomBytes(5).toString('hex')}_`;
    const counts = new Map<string, number>();
    const options = (name: string) => ({
      database: 'postgres' as const,
      prefix,
      catalog: {
        locations: [{ type: 'file', target: catalog.root }],
        processingInterval: { hours: 1 },
        processing: { pollInterval: { milliseconds: 20 }, batchSize: 25 },
      },
      features: [countingModule(counts, name)],
    });
    const [one, two] = await Promise.all([startCatalog(options('one')), startCatalog(options('two'))]);
    try {
      await one.waitFor(
        async () => (await one.get('/entities/by-query?limit=0')).body.totalItems === catalog.total + 2,
        60_000,
      );
      await two.waitFor(
        async () =>
          (await two.get('/entities/by-query?limit=0&filter=relations.dependencyof')).body.totalItems ===
          catalog.total / 2,
        30_000,
      );
      const components = [...counts.entries()].filter(([key]) => key.startsWith('Component:'));
      expect(components).toHaveLength(catalog.total);
      expect(components.filter(([, n]) => n !== 1)).toEqual([]);
      expect(counts.get('backend:one')).toBeGreaterThan(0);
      expect(counts.get('backend:two')).toBeGreaterThan(0);
      // Processing and stitching report through the work queue's metrics, per backend.
      const processed: Record<string, number> = { processing: 0, stitching: 0 };
      for (const { backend } of [one, two]) {
        const scraped = await backend.fetch('/metrics', { token: await backend.serviceToken('metrics') });
        const text = await scraped.text();
        for (const queue of ['processing', 'stitching']) {
          expect(text).toContain(`atrium_catalog_work_queue_depth{queue="${queue}"}`);
          const line = text.match(
            new RegExp(`^atrium_catalog_work_items_processed_total\\{queue="${queue}"\\} (\\d+)$`, 'm'),
          );
          processed[queue]! += Number(line?.[1] ?? 0);
        }
      }
      expect(processed.processing).toBeGreaterThanOrEqual(catalog.total);
      expect(processed.stitching).toBeGreaterThanOrEqual(catalog.total);
    } finally {
      await two.backend.stop();
      await one.stop();
    }
  }, 90_000);
});
