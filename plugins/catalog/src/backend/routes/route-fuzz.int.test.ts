import { fileURLToPath } from 'node:url';
import { hostileProbes, testDatabaseVariants } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogApi } from '../../common/catalog-api.js';
import { ALL_KINDS, startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';

// Used in place (never written to): the directory of a config location, so it is readable.
const OWNED = fileURLToPath(new URL('../__fixtures__/owned', import.meta.url));
const PARAMS = { kind: 'component', namespace: 'default', name: 'a-service', uid: 'x', id: 'x' };

describe.each(testDatabaseVariants())('every catalog route with hostile input, on %s', (database) => {
  let catalog: TestCatalog;
  beforeAll(async () => {
    catalog = await startCatalog({
      database,
      catalog: {
        locations: [{ type: 'file', target: `${OWNED}/catalog-info.yaml` }],
        allowedFileRoots: [OWNED],
        rules: [{ allow: ALL_KINDS }],
      },
    });
    await catalog.waitFor(
      async () => (await catalog.get('/entities/by-query?limit=0')).body.totalItems === 8,
    );
  });
  afterAll(() => catalog.stop());

  it('never answers 5xx', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const route of Object.values(catalogApi.routes)) {
      for (const probe of hostileProbes(route, PARAMS)) {
        count++;
        const response = await catalog.backend.fetch(`/api/catalog${probe.path}`, {
          method: probe.method,
          token: catalog.token,
          headers: probe.body === undefined ? undefined : { 'content-type': 'application/json' },
          body: probe.body,
        });
        const text = await response.text();
        if (response.status >= 500)
          failures.push(
            `${probe.method} ${probe.path.slice(0, 120)} ${probe.body?.slice(0, 120) ?? ''} -> ${response.status} ${text.slice(0, 200)}`,
          );
      }
    }
    expect(count).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    // The catalog still serves after all of it.
    expect((await catalog.get('/entities/by-name/component/default/a-service')).status).toBe(200);
  }, 300_000);
});
