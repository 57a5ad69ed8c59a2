import { type CompoundEntityRef, parseEntityRef, stringifyEntityRef } from '@atrium/catalog-model';
import { useApi } from '@atrium/web-kernel';
import { useQueries, useQuery } from '@tanstack/react-query';
import { type EntityPresentation, entityPresentationApiRef } from './entity-presentation-api.js';

// Titles change rarely; a table re-rendering must not ask again.
const staleTime = 5 * 60_000;

function canonical(ref: string | CompoundEntityRef | undefined): string | undefined {
  if (ref === undefined) return undefined;
  try {
    return stringifyEntityRef(typeof ref === 'string' ? parseEntityRef(ref) : ref);
  } catch {
    return undefined;
  }
}

const queryKey = (entityRef: string | undefined) => ['catalog', 'presentation', entityRef];

/**
 * The title of an entity known by ref, fetched with others in one batch and cached;
 * `undefined` while it loads, for a ref that does not parse, or when the catalog has no
 * such entity (show the ref then).
 *
 * @example
 * const title = useEntityTitle('group:default/team-a'); // 'Team A'
 */
export function useEntityTitle(ref: string | CompoundEntityRef | undefined): string | undefined {
  const api = useApi(entityPresentationApiRef);
  const entityRef = canonical(ref);
  const query = useQuery({
    queryKey: queryKey(entityRef),
    queryFn: () => api.forRef(entityRef ?? ''),
    enabled: entityRef !== undefined,
    staleTime,
  });
  return query.data?.title;
}

/**
 * Titles of several refs (a filter's values), by canonical ref; refs still loading or
 * unknown are missing from the map.
 *
 * @example
 * const titles = useEntityTitles(['group:default/team-a']); titles.get('group:default/team-a'); // 'Team A'
 */
export function useEntityTitles(refs: readonly string[]): Map<string, string> {
  const api = useApi(entityPresentationApiRef);
  const entityRefs = [...new Set(refs.map(canonical).filter((ref): ref is string => ref !== undefined))];
  return useQueries({
    queries: entityRefs.map((entityRef) => ({
      queryKey: queryKey(entityRef),
      queryFn: () => api.forRef(entityRef),
      staleTime,
    })),
    combine: (results) => {
      const titles = new Map<string, string>();
      for (const { data } of results as { data?: EntityPresentation }[])
        if (data?.title) titles.set(data.entityRef, data.title);
      return titles;
    },
  });
}
