import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { startCatalog } from '../__fixtures__/start-catalog.js';

function writeTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-catalog-unregister-'));
  writeFileSync(
    join(dir, 'root.yaml'),
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Location',
      'metadata: { name: nested }',
      'spec: { targets: [./leaf.yaml] }',
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata: { name: trunk }',
      'spec: { type: service, lifecycle: production, owner: team-a }',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'leaf.yaml'),
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata: { name: leaf, description: a leaf word }',
      'spec: { type: library, lifecycle: production, owner: team-a, dependsOn: [component:trunk] }',
    ].join('\n'),
  );
  return dir;
}

describe.each(testDatabaseKinds())('DELETE /locations/:id on %s', (database) => {
  it('removes every entity the location produced, nested ones included, with orphanStrategy keep', async () => {
    const dir = writeTree();
    const catalog = await startCatalog({
      database,
      catalog: { orphanStrategy: 'keep', allowedFileRoots: [dir], allowedLocationTypes: ['file'] },
    });
    try {
      const created = await catalog.send('POST', '/locations', {
        type: 'file',
        target: join(dir, 'root.yaml'),
      });
      expect(created.status).toBe(201);
      await catalog.waitFor(async () => {
        const trunk = await catalog.get('/entities/by-name/component/default/trunk');
        // The leaf's dependsOn is stitched onto the trunk as dependencyOf: both are fully in.
        return trunk.body?.relations?.some((r: { type: string }) => r.type === 'dependencyOf');
      });
      const deleted = await catalog.send('DELETE', `/locations/${created.body.location.id}`);
      expect(deleted.status).toBe(204);
      for (const path of ['component/default/trunk', 'component/default/leaf', 'location/default/nested']) {
        expect((await catalog.get(`/entities/by-name/${path}`)).status, path).toBe(404);
      }
      // Nothing left behind in the filter index, the facets or the relations.
      const query = await catalog.get('/entities/by-query?filter=spec.lifecycle=production&limit=0');
      expect(query.body.totalItems).toBe(0);
      const facets = await catalog.get('/entity-facets?facet=kind');
      expect(facets.body.facets.kind).toEqual([]);
      const refresh = await catalog.send('POST', '/refresh', { entityRef: 'component:default/leaf' });
      expect(refresh.status).toBe(404);
    } finally {
      await catalog.stop();
    }
  });
});
