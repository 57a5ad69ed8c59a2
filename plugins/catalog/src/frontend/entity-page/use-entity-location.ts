import { type Entity, getCompoundEntityRef, stringifyEntityRef } from '@atrium/catalog-model';
import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { type CatalogLocation, toEntityQueryParams } from '../../common/index.js';
import { catalogApiRef } from '../api/catalog-api.js';

/** How many of a location's entities the unregister dialog lists. */
const listedEntities = 20;

/** The registered location an entity came from, and what else came from it. */
export interface EntityLocation {
  location: CatalogLocation;
  /** The first {@link listedEntities} entities it produced (its own Location entity left out). */
  entities: Entity[];
  /** How many entities it produced in all, its own Location entity left out. */
  total: number;
}

/**
 * The location an entity was registered through (`GET /locations/by-entity/…`) and the
 * entities it produced, found by their origin annotation. Fails with a 404 for an entity
 * that no registered location produced (config locations, entity providers).
 *
 * @example
 * const { data } = useEntityLocation(entity, isOpen);
 */
export function useEntityLocation(entity: Entity, enabled: boolean) {
  const catalogApi = useApi(catalogApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  return useQuery({
    queryKey: ['catalog', 'entity-location', kind, namespace, name],
    enabled,
    staleTime: 0,
    queryFn: async (): Promise<EntityLocation> => {
      const location = await catalogApi.getLocationByEntity({ params: { kind, namespace, name } });
      const page = await catalogApi.getEntitiesByQuery({
        query: toEntityQueryParams({
          filter: {
            'metadata.annotations.backstage.io/managed-by-origin-location': `${location.type}:${location.target}`,
          },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'spec.profile.displayName',
          ],
          orderField: { field: 'metadata.name', order: 'asc' },
          limit: listedEntities + 1,
        }),
      });
      // A registered location stands for itself with a Location entity named after a hash
      // of its target: not something its owner wrote, so it is left out and not counted.
      const entities = page.items
        .filter((item) => stringifyEntityRef(item) !== location.entityRef)
        .slice(0, listedEntities);
      return { location, entities, total: Math.max(page.totalItems - 1, entities.length) };
    },
  });
}
