import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';

// Components tagged a, b, both or neither: `metadata.tags=a,metadata.tags=b` is a
// two-valued leaf, read as the union of two index ranges, where a component with both
// tags sits in both.
const TAGS: Record<string, string[]> = {};
for (let i = 0; i < 30; i++)
  TAGS[`c${String(i).padStart(2, '0')}`] = [['a'], ['b'], ['a', 'b'], ['c'], []][i % 5]!;
const expected = Object.keys(TAGS).filter((name) => TAGS[name]!.some((tag) => tag === 'a' || tag === 'b'));

const component = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, tags: TAGS[name] },
  spec: { type: Number(name.slice(1)) % 2 ? 'service' : 'website', lifecycle: 'production', owner: 'team' },
});

describe.each(testDatabaseKinds())('a few-valued filter drives by-query, on %s', (database) => {
  let catalog: TestCatalog;
  const dir = mkdtempSync(join(tmpdir(), 'atrium-set-driver-'));
  const query = '/entities/by-query?filter=kind=component,metadata.tags=a,metadata.tags=b';

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'catalog.yaml'),
      Object.keys(TAGS)
        .map((n) => stringify(component(n)))
        .join('---\n'),
    );
    catalog = await startCatalog({
      database,
      catalog: {
        locations: [{ type: 'file', target: join(dir, 'catalog.yaml') }],
        rules: [{ allow: ['Component', 'Location'] }],
      },
    });
    await catalog.waitFor(
      async () => (await catalog.get(`${query}&limit=1`)).body.totalItems === expected.length,
    );
  }, 60_000);
  afterAll(async () => {
    await catalog?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const names = (body: { items: Array<{ metadata: { name: string } }> }) =>
    body.items.map((e) => e.metadata.name);

  it('pages forward and back with each entity once and the right total', async () => {
    const forward: string[][] = [];
    let page = (await catalog.get(`${query}&limit=4`)).body;
    for (;;) {
      expect(page.totalItems).toBe(expected.length);
      forward.push(names(page));
      if (!page.pageInfo.nextCursor) break;
      page = (await catalog.get(`/entities/by-query?cursor=${encodeURIComponent(page.pageInfo.nextCursor)}`))
        .body;
    }
    expect(forward.flat().sort()).toEqual(expected);
    expect(new Set(forward.flat()).size).toBe(expected.length);
    const backward: string[][] = [];
    while (page.pageInfo.prevCursor) {
      page = (await catalog.get(`/entities/by-query?cursor=${encodeURIComponent(page.pageInfo.prevCursor)}`))
        .body;
      backward.unshift(names(page));
    }
    expect(backward).toEqual(forward.slice(0, -1));
  });

  it('checks the other conditions per entity, and offsets count the same rows', async () => {
    const services = expected.filter((name) => Number(name.slice(1)) % 2 === 1);
    const { body } = await catalog.get(`${query},spec.type=service&limit=100`);
    expect(names(body).sort()).toEqual(services);
    expect(body.totalItems).toBe(services.length);
    const offset = (await catalog.get(`${query}&limit=3&offset=3`)).body;
    expect(names(offset)).toEqual(expected.slice(3, 6));
  });
});
