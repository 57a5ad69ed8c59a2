import { useApi } from '@atrium/web-kernel';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { type EntityFacetCount, toFilterParams } from '../../common/index.js';
import { catalogApiRef } from '../api/catalog-api.js';
import { useStarredEntities } from '../starred/use-starred-entities.js';
import {
  type CatalogFilterState,
  type FacetKey,
  facetFields,
  facetRequests,
  fullTextFields,
} from './catalog-filter-state.js';

/** Counts per facet; `undefined` while a facet's counts load. */
type CatalogFacetCounts = Partial<Record<FacetKey, EntityFacetCount[]>>;

/** What {@link useCatalogFacets} returns. */
export interface CatalogFacets {
  counts: CatalogFacetCounts;
  /** The first failed count request, if any. */
  error: unknown;
  retry(): void;
}

/**
 * The counts behind each filter: each facet counted with the other filters and the search
 * text applied, so a count says how many entities the table would show after ticking that value.
 *
 * @example
 * const { counts } = useCatalogFacets(state);
 * counts.kind; // [{ value: 'Component', count: 12 }, ...]
 */
export function useCatalogFacets(state: CatalogFilterState): CatalogFacets {
  const catalogApi = useApi(catalogApiRef);
  const { starredRefs } = useStarredEntities();
  const requests = facetRequests(state, starredRefs);
  const text = state.text.trim();
  const textParams = text ? { fullTextFilterTerm: text, fullTextFilterFields: fullTextFields.join(',') } : {};
  return useQueries({
    queries: requests.map(({ facetKeys, filter }) => {
      const facets = facetKeys.map((key) => facetFields[key]);
      return {
        queryKey: ['catalog', 'facets', { facets, filter: filter.filter, text }],
        queryFn: async () =>
          filter.matchesNothing
            ? { facets: {} as Record<string, EntityFacetCount[]> }
            : catalogApi.getEntityFacets({
                query: { facet: facets, filter: toFilterParams(filter.filter), ...textParams },
              }),
        placeholderData: keepPreviousData,
        // Counts move slowly and each one scans the catalog; a minute of reuse is fine.
        staleTime: 60_000,
      };
    }),
    combine: (results) => {
      const counts: CatalogFacetCounts = {};
      results.forEach((result, index) => {
        for (const key of requests[index]?.facetKeys ?? []) {
          const values = result.data?.facets[facetFields[key]];
          if (values || result.data) counts[key] = values ?? [];
        }
      });
      const failed = results.filter((result) => result.isError);
      return {
        counts,
        error: failed[0]?.error ?? undefined,
        retry: () => {
          for (const result of failed) void result.refetch();
        },
      };
    },
  });
}
