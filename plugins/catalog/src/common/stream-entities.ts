import type { Entity } from '@atrium/catalog-model';
import type { CatalogClient } from './create-catalog-client.js';

/**
 * Every entity matching `filter`, read page by page through the catalog's cursor API, so
 * a reader (a search collator, an export) never holds more than one page.
 *
 * @example
 * for await (const entity of streamEntities(catalog, { filter: 'kind=template' })) index(entity);
 */
export async function* streamEntities(
  client: CatalogClient,
  options: { filter?: string; pageSize?: number } = {},
): AsyncGenerator<Entity> {
  const limit = options.pageSize ?? 500;
  let page = await client.getEntitiesByQuery({
    query: { limit, orderField: 'metadata.name,asc', ...(options.filter ? { filter: options.filter } : {}) },
  });
  for (;;) {
    yield* page.items;
    const cursor = page.pageInfo.nextCursor;
    if (!cursor || page.items.length === 0) return;
    page = await client.getEntitiesByQuery({ query: { cursor, limit } });
  }
}
