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

/**
 * The page of entities the catalog index state asks for. The previous page stays on
 * screen (with a progress bar) while the next one loads.
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
    queryFn: () => {
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
      return catalogApi.getEntitiesByQuery({ query: toEntityQueryParams(request) });
    },
    placeholderData: keepPreviousData,
  });
}
