import type { Entity } from '@atrium/catalog-model';
import { ResponseError } from '@atrium/errors';
import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { catalogApiRef } from '../api/catalog-api.js';

/** The route parameters of the entity page, as written in the URL. */
export interface EntityRouteParams {
  namespace: string;
  kind: string;
  name: string;
}

// A missing entity is an answer the page shows, not a failure.
const isNotFound = (error: unknown) => error instanceof ResponseError && error.statusCode === 404;

/** Query key of one entity; refs compare case-insensitively, so the key is lowercased. */
function entityQueryKey({ kind, namespace, name }: EntityRouteParams): readonly unknown[] {
  return ['catalog', 'entity', `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US')];
}

/**
 * Loads the entity an entity page URL names; `null` data means the catalog has no such entity.
 *
 * @example
 * const { data: entity } = useEntityByRoute({ namespace: 'default', kind: 'component', name: 'petstore' });
 */
export function useEntityByRoute(params: EntityRouteParams) {
  const catalogApi = useApi(catalogApiRef);
  return useQuery<Entity | null>({
    queryKey: entityQueryKey(params),
    // Query data cannot be undefined, so "not found" is stored as null.
    queryFn: async () => {
      try {
        return await catalogApi.getEntityByName({ params });
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
  });
}
