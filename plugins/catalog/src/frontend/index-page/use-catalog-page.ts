import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { useApi } from '@atrium/web-kernel';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type QueryEntitiesResponse, toEntityQueryParams } from '../../common/index.js';
import { catalogApiRef } from '../api/catalog-api.js';
import { useStarredEntities } from '../starred/use-starred-entities.js';
import {
  type CatalogFilterState,
  fullTextFields,
  toEntityFilter,
  toOrderField,
} from './catalog-filter-state.js';
import { exactMatchPredicate } from './exact-match-predicate.js';

/** Only what the table shows is fetched, which keeps pages small on big catalogs. */
const tableFields = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  'metadata.uid',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.profile.displayName',
];

const nothing: QueryEntitiesResponse = { items: [], totalItems: 0, pageInfo: {} };

/** At most this many exact name/title matches are ranked first. */
const exactMatchLimit = 5;

const uidOf = (entity: Entity) => entity.metadata.uid ?? stringifyEntityRef(entity);

// Exact name/title matches lead the first page and are left out of every page after, so
// each shows once. The total already counts them: the first page may run a row or two over.
function rankExactMatches(page: QueryEntitiesResponse, exact: Entity[], isFirstPage: boolean) {
  if (exact.length === 0) return page;
  const ranked = new Set(exact.map(uidOf));
  const rest = page.items.filter((entity) => !ranked.has(uidOf(entity)));
  return { ...page, items: isFirstPage ? [...exact, ...rest] : rest };
}

/**
 * The page of entities the catalog index state asks for: with search text, every word must
 * match (name, title or description) and an entity named or titled exactly as the text
 * comes first. The previous page stays on screen (with a progress bar) while the next one loads.
 *
 * @example
 * const page = useCatalogPage(state);
 * <DataTable rows={page.data?.items} isFetching={page.isFetching} />
 */
export function useCatalogPage(state: CatalogFilterState) {
  const catalogApi = useApi(catalogApiRef);
  const { starredRefs } = useStarredEntities();
  const { filter, matchesNothing } = toEntityFilter(state, starredRefs);
  const orderField = toOrderField(state);
  const text = state.text.trim();
  return useQuery({
    queryKey: [
      'catalog',
      'entities',
      { filter, orderField, text, limit: state.pageSize, cursor: state.cursor },
    ],
    queryFn: async () => {
      if (matchesNothing) return nothing;
      const page = { limit: state.pageSize, fields: tableFields };
      const request = state.cursor
        ? { ...page, cursor: state.cursor }
        : {
            ...page,
            filter,
            orderField,
            fullTextFilter: text ? { term: text, fields: fullTextFields } : undefined,
          };
      const [found, exact] = await Promise.all([
        catalogApi.getEntitiesByQuery({ query: toEntityQueryParams(request) }),
        text
          ? catalogApi.queryEntitiesByPredicate({
              body: {
                query: exactMatchPredicate(filter, text),
                fields: tableFields,
                limit: exactMatchLimit,
                totalItems: 'exclude',
              },
            })
          : undefined,
      ]);
      return rankExactMatches(found, exact?.items ?? [], !state.cursor);
    },
    placeholderData: keepPreviousData,
  });
}
