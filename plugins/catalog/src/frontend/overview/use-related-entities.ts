import type { Entity } from '@atrium/catalog-model';
import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { catalogApiRef } from '../api/catalog-api.js';

/** Enough of a related entity for a summary row, and no more. */
export const summaryFields = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.uid',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.profile',
];

/** One relation target and the entity behind it; `null` when the catalog has no such entity. */
interface RelatedEntity {
  ref: string;
  entity: Entity | null;
}

/**
 * The targets of an entity's relations of some types, loaded in one batch. Targets that
 * do not exist (dangling relations are normal) come back with `entity: null`.
 *
 * @example
 * const { related } = useRelatedEntities(entity, ['dependsOn']);
 */
export function useRelatedEntities(entity: Entity, relationTypes: readonly string[]) {
  const catalogApi = useApi(catalogApiRef);
  const refs = [
    ...new Set(
      (entity.relations ?? [])
        .filter((relation) => relationTypes.includes(relation.type))
        .map((relation) => relation.targetRef),
    ),
  ].sort();
  const query = useQuery({
    queryKey: ['catalog', 'by-refs', refs],
    queryFn: () => catalogApi.getEntitiesByRefs({ body: { entityRefs: refs, fields: summaryFields } }),
    enabled: refs.length > 0,
  });
  const related: RelatedEntity[] | undefined =
    refs.length === 0
      ? []
      : query.data?.items.map((item, index) => ({ ref: refs[index] ?? '', entity: item }));
  return { refs, related, error: query.error, refetch: query.refetch };
}
