import type { QueryEntitiesRequest } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import { expect, it } from 'vitest';
import { FIXTURE_COMPONENTS } from './compat-fixtures.js';
import { describeCompat, expectFailure } from './describe-compat.js';

const refOf = (e: Entity) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
const names = (items: readonly Entity[]) => items.map((e) => e.metadata.name);
const decodeCursor = (cursor: string): unknown => JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));

describeCompat('queryEntities (GET /entities/by-query)', (compat) => {
  async function collect(request: QueryEntitiesRequest) {
    const pages = [await compat().client.queryEntities(request)];
    for (let page = pages[0]; page?.pageInfo.nextCursor && pages.length < 20; ) {
      page = await compat().client.queryEntities({ cursor: page.pageInfo.nextCursor, limit: 2 });
      pages.push(page);
    }
    return pages;
  }

  it('returns a page, the total and a next cursor but no previous cursor on the first page', async () => {
    const page = await compat().client.queryEntities({ filter: { kind: 'component' }, limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.totalItems).toBe(6);
    expect(page.pageInfo.nextCursor).toEqual(expect.any(String));
    expect(page.pageInfo.prevCursor).toBeUndefined();
  });

  it('visits every match exactly once by cursor, carrying totalItems, and ends without a next cursor', async () => {
    const pages = await collect({ filter: { kind: 'component' }, limit: 2 });
    expect(
      pages
        .flatMap((p) => p.items)
        .map(refOf)
        .sort(),
    ).toEqual(FIXTURE_COMPONENTS);
    expect(pages.map((p) => p.totalItems)).toEqual(pages.map(() => 6));
    expect(pages.at(-1)?.pageInfo.nextCursor).toBeUndefined();
  });

  it('goes back with prevCursor', async () => {
    const first = await compat().client.queryEntities({ filter: { kind: 'component' }, limit: 2 });
    const second = await compat().client.queryEntities({ cursor: first.pageInfo.nextCursor ?? '' });
    expect(second.pageInfo.prevCursor).toEqual(expect.any(String));
    const back = await compat().client.queryEntities({ cursor: second.pageInfo.prevCursor ?? '' });
    expect(back.items.map(refOf)).toEqual(first.items.map(refOf));
  });

  it('issues base64 JSON object cursors without a `query` key for GET pagination', async () => {
    const { pageInfo } = await compat().client.queryEntities({ filter: { kind: 'component' }, limit: 2 });
    const decoded = decodeCursor(pageInfo.nextCursor ?? '');
    expect(decoded).toEqual(expect.any(Object));
    expect(Array.isArray(decoded)).toBe(false);
    expect(Object.keys(decoded as object)).not.toContain('query');
  });

  it('orders by one field in either direction', async () => {
    const users = (order: 'asc' | 'desc') =>
      compat().client.queryEntities({
        filter: { kind: 'user' },
        orderFields: { field: 'metadata.name', order },
      });
    expect(names((await users('asc')).items)).toEqual(['alice', 'bob', 'carol', 'dave']);
    expect(names((await users('desc')).items)).toEqual(['dave', 'carol', 'bob', 'alice']);
  });

  it('leaves out entities that lack the sort field', async () => {
    const page = await compat().client.queryEntities({
      filter: { kind: ['component', 'group'] },
      orderFields: { field: 'spec.lifecycle', order: 'asc' },
      limit: 100,
    });
    expect(page.items.map(refOf).sort()).toEqual(FIXTURE_COMPONENTS);
  });

  it('counts in totalItems exactly the entities an ordered query returns', async () => {
    const page = await compat().client.queryEntities({
      filter: { kind: ['component', 'group'] },
      orderFields: { field: 'spec.lifecycle', order: 'asc' },
      limit: 100,
    });
    expect(page.totalItems).toBe(page.items.length);
  });

  it('applies offset', async () => {
    const page = await compat().client.queryEntities({
      filter: { kind: 'user' },
      orderFields: { field: 'metadata.name', order: 'asc' },
      offset: 2,
      limit: 10,
    });
    expect(names(page.items)).toEqual(['carol', 'dave']);
  });

  it('filters by full text, case-insensitively, on the given fields', async () => {
    const byName = await compat().client.queryEntities({
      filter: { kind: 'component' },
      fullTextFilter: { term: '  GATEWAY ', fields: ['metadata.name'] },
    });
    expect(names(byName.items)).toEqual(['PaymentGateway']);
    const byDescription = await compat().client.queryEntities({
      fullTextFilter: { term: 'orders', fields: ['metadata.description'] },
    });
    expect(byDescription.items.map(refOf).sort()).toEqual([
      'api:default/orders-api',
      'component:default/shop-backend',
    ]);
  });

  it('matches a term with spaces word by word (all words, in any of the fields)', async () => {
    const fields = ['metadata.name', 'metadata.description'];
    const query = (term: string) => compat().client.queryEntities({ fullTextFilter: { term, fields } });
    // A term without spaces is one substring, as in Backstage: hyphens do not split it.
    expect((await query('shop-backend')).items.map(refOf)).toEqual(['component:default/shop-backend']);
    // "shop" is in the name, "carts" in the description: both words, so it matches.
    expect((await query('shop  carts')).items.map(refOf)).toEqual(['component:default/shop-backend']);
    expect((await query('shop nowhere')).totalItems).toBe(0);
  });

  it('skips the count with totalItems: exclude, and counts without items at limit 0', async () => {
    const excluded = await compat().client.queryEntities({ filter: { kind: 'user' }, totalItems: 'exclude' });
    expect(excluded.totalItems).toBe(0);
    expect(excluded.items).toHaveLength(4);
    const counted = await compat().client.queryEntities({ filter: { kind: 'user' }, limit: 0 });
    expect(counted).toMatchObject({ items: [], totalItems: 4 });
  });

  it('projects fields on the first page and on cursor pages', async () => {
    const first = await compat().client.queryEntities({
      filter: { kind: 'user' },
      limit: 2,
      fields: ['metadata.name'],
    });
    expect(first.items).toEqual([
      { metadata: { name: expect.any(String) } },
      { metadata: { name: expect.any(String) } },
    ]);
    const next = await compat().client.queryEntities({
      cursor: first.pageInfo.nextCursor ?? '',
      fields: ['kind'],
    });
    expect(next.items).toEqual([{ kind: 'User' }, { kind: 'User' }]);
  });

  it('rejects a malformed cursor with 400 InputError', async () => {
    await expectFailure(compat().client.queryEntities({ cursor: 'not-a-cursor' }), 400, 'InputError');
  });

  it('streams every match with streamEntities', async () => {
    const pages: Entity[][] = [];
    for await (const page of compat().client.streamEntities({ filter: { kind: 'component' }, pageSize: 4 })) {
      pages.push(page);
    }
    expect(pages.map((page) => page.length)).toEqual([4, 2]);
    expect(pages.flat().map(refOf).sort()).toEqual(FIXTURE_COMPONENTS);
  });
});
