import type { CatalogClient } from '@atrium/catalog/common';
import { streamEntities } from '@atrium/catalog/common';
import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import type { KnownEntity } from '../store/entity-store.js';
import type { FactCollector } from './fact-collector.js';

/** The catalog's entity descriptor fact. */
export const ENTITY_DESCRIPTOR_FACT = 'catalog:default/entity_descriptor';

/** The built-in `catalog` collector's declaration (the sync below produces its fact). */
export const catalogCollector: FactCollector = {
  id: 'catalog',
  description: 'The catalog entity itself',
  facts: [
    { factRef: ENTITY_DESCRIPTOR_FACT, description: 'The entity descriptor (JSON), e.g. $.spec.lifecycle' },
  ],
};

/** The owner an entity's scorecards roll up to: its ownedBy relation, else `spec.owner`. */
function ownerOf(entity: Entity): string {
  const relation = entity.relations?.find((candidate) => candidate.type === 'ownedBy');
  if (relation) return relation.targetRef;
  const owner = (entity.spec as Record<string, unknown> | undefined)?.owner;
  if (typeof owner !== 'string') return '';
  return owner.includes(':') ? owner.toLowerCase() : `group:default/${owner.toLowerCase()}`;
}

/** The parts of a catalog entity scorecards keeps. */
export function toKnownEntity(entity: Entity): KnownEntity {
  return {
    entityRef: stringifyEntityRef(entity),
    ownerRef: ownerOf(entity),
    entity: {
      kind: entity.kind,
      metadata: entity.metadata as unknown as Record<string, unknown>,
      spec: entity.spec as Record<string, unknown> | undefined,
      relations: entity.relations?.map(({ type, targetRef }) => ({ type, targetRef })),
    },
  };
}

/**
 * Reads every entity through the catalog API (service credentials; paged) and hands each
 * page on, so neither side holds the whole catalog.
 */
export async function* readCatalog(
  catalog: CatalogClient,
  pageSize = 500,
): AsyncGenerator<Array<{ known: KnownEntity; entity: Entity }>> {
  let page: Array<{ known: KnownEntity; entity: Entity }> = [];
  for await (const entity of streamEntities(catalog, { pageSize })) {
    page.push({ known: toKnownEntity(entity), entity });
    if (page.length >= pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
