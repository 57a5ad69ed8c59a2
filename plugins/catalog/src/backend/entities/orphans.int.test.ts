import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabaseVariants } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { copyFixture, startCatalog } from '../__fixtures__/start-catalog.js';

describe.each(testDatabaseVariants())('orphanStrategy keep on %s', (database) => {
  it('keeps an entity its file no longer lists, annotated as an orphan, and re-adopts it', async () => {
    const dir = copyFixture('duplicates');
    const file = join(dir, 'a/catalog-info.yaml');
    const catalog = await startCatalog({
      database,
      catalog: { locations: [{ type: 'file', target: file }], orphanStrategy: 'keep' },
    });
    try {
      const original = await catalog.waitFor(async () => {
        const found = await catalog.get('/entities/by-name/component/default/twin');
        return found.status === 200 && found.body;
      });
      expect(original.metadata.annotations['backstage.io/orphan']).toBeUndefined();
      writeFileSync(file, '');
      await catalog.send('POST', '/refresh', { entityRef: 'component:default/twin' });
      const orphan = await catalog.waitFor(async () => {
        const found = (await catalog.get('/entities/by-name/component/default/twin')).body;
        return found.metadata.annotations['backstage.io/orphan'] === 'true' && found;
      });
      expect(orphan.metadata.uid).toBe(original.metadata.uid);
      const filtered = await catalog.get(
        '/entities/by-query?filter=metadata.annotations.backstage.io/orphan=true&limit=0',
      );
      expect(filtered.body.totalItems).toBe(1);
      // No parent is left to read it from, so there is nothing to refresh (as in Backstage).
      const refresh = await catalog.send('POST', '/refresh', { entityRef: 'component:default/twin' });
      expect(refresh.status).toBe(404);
    } finally {
      await catalog.stop();
    }
  });
});
