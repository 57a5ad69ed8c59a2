import { stringifyEntityRef } from '@atrium/catalog-model';
import { DataTable, EmptyState, NotFoundPage, Page, type TableState } from '@atrium/ui';
import { configApiRef, useApi } from '@atrium/web-kernel';
import Add from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { catalogImportPath } from '../components/entity-route.js';
import { useStarredEntities } from '../starred/use-starred-entities.js';
import {
  type CatalogFilterState,
  hasDefaultKinds,
  pageSizes,
  type SortColumn,
  sortFields,
} from './catalog-filter-state.js';
import { CatalogFiltersPanel } from './catalog-filters-panel.js';
import { CatalogSearchField } from './catalog-search-field.js';
import { catalogTableColumns } from './catalog-table-columns.js';
import { useCatalogFacets } from './use-catalog-facets.js';
import { type CatalogFilterStateHandle, useCatalogFilterState } from './use-catalog-filter-state.js';
import { useCatalogPage } from './use-catalog-page.js';

/** Whether anything narrows the view beyond the kinds the catalog opens on. */
function isNarrowed(state: CatalogFilterState): boolean {
  const { kind, ...others } = state.facets;
  return (
    state.starredOnly ||
    state.text.trim() !== '' ||
    Object.values(others).some((values) => values.length > 0) ||
    (kind.length > 0 && !hasDefaultKinds(state))
  );
}

function EmptyCatalog({
  filters,
  isCatalogEmpty,
}: {
  filters: CatalogFilterStateHandle;
  isCatalogEmpty: boolean;
}) {
  const register = (
    <Button variant="contained" component={RouterLink} to={catalogImportPath}>
      Register existing component
    </Button>
  );
  if (isNarrowed(filters.state))
    return (
      <EmptyState
        title="No entities match these filters"
        description="Try fewer filters or a different search."
        action={<Button onClick={filters.clearFilters}>Clear all filters</Button>}
      />
    );
  if (isCatalogEmpty || filters.state.facets.kind.length === 0)
    return (
      <EmptyState
        title="The catalog is empty"
        description="Register a catalog-info.yaml file to add your first component."
        action={register}
      />
    );
  return (
    <EmptyState
      title="No components yet"
      description="The catalog holds other kinds of entities. Show them, or register a catalog-info.yaml file."
      action={
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button onClick={() => filters.setFacet('kind', [])}>Show all kinds</Button>
          {register}
        </Box>
      }
    />
  );
}

function tableHeading(kinds: readonly string[], starredOnly: boolean): string {
  const what = kinds.length === 1 ? `${kinds[0]} entities` : 'All entities';
  return starredOnly ? `Starred: ${what.toLowerCase()}` : what;
}

/**
 * The catalog index at `/catalog`: a server-paged, sortable, searchable table of entities
 * with facet filters; the whole state lives in the URL. It opens on Components, as
 * Backstage's does; `?kind=all` opens every kind.
 *
 * @example
 * PageBlueprint.make({ params: { path: '/catalog', title: 'Catalog', loader: async () => <CatalogIndexPage /> } });
 */
export function CatalogIndexPage() {
  const rest = useParams()['*'];
  const organization = useApi(configApiRef).getOptionalString('organization.name');
  const filters = useCatalogFilterState();
  const { state } = filters;
  const page = useCatalogPage(state);
  const facets = useCatalogFacets(state);
  const { starredRefs } = useStarredEntities();
  const columns = useMemo(
    () =>
      catalogTableColumns((tag) => filters.setFacet('tag', [...new Set([...filters.state.facets.tag, tag])])),
    [filters],
  );
  // The page owns /catalog/*; paths that are not an entity page must not show the index.
  if (rest) return <NotFoundPage />;

  const tableState: TableState = {
    page: state.page,
    pageSize: state.pageSize,
    sort: { by: state.sort.by, direction: state.sort.direction },
  };
  const onTableChange = (next: TableState) => {
    if (next.pageSize !== state.pageSize) return filters.setPageSize(next.pageSize);
    if (next.sort && (next.sort.by !== state.sort.by || next.sort.direction !== state.sort.direction)) {
      if (next.sort.by in sortFields) filters.setSort(next.sort.by as SortColumn, next.sort.direction);
      return;
    }
    const pageInfo = page.data?.pageInfo ?? {};
    if (next.page === state.page + 1) filters.goToPage(next.page, pageInfo.nextCursor);
    else if (next.page === state.page - 1) filters.goToPage(next.page, pageInfo.prevCursor);
    else if (next.page === 0) filters.goToPage(0, undefined);
  };
  const total = page.data?.totalItems;
  return (
    <Page
      title="Catalog"
      subtitle={`Every component, API, resource and team${organization ? ` at ${organization}` : ''}`}
      actions={
        <Button variant="contained" startIcon={<Add />} component={RouterLink} to={catalogImportPath}>
          Register existing component
        </Button>
      }
    >
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '220px minmax(0, 1fr)' } }}>
        <CatalogFiltersPanel filters={filters} facets={facets} starredCount={starredRefs.length} />
        <Box
          component="section"
          aria-labelledby="catalog-table-heading"
          // Narrower cell padding than the default lets all columns fit beside the filters.
          sx={{ minWidth: 0, '& .MuiTableCell-root': { px: 1 } }}
        >
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 2 }}>
            <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, flexGrow: 1 }}>
              <Typography id="catalog-table-heading" variant="h6" component="h2">
                {tableHeading(state.facets.kind, state.starredOnly)}
              </Typography>
              <Typography color="text.secondary" aria-live="polite" data-testid="catalog-total">
                {total !== undefined && total >= 0 ? `${total} ${total === 1 ? 'entity' : 'entities'}` : ''}
              </Typography>
            </Box>
            <CatalogSearchField value={state.text} onChange={filters.setText} />
          </Box>
          <DataTable
            label="Catalog entities"
            columns={columns}
            rows={page.data?.items}
            rowKey={(entity) => entity.metadata.uid ?? stringifyEntityRef(entity)}
            totalCount={total}
            state={tableState}
            onStateChange={onTableChange}
            isFetching={page.isFetching}
            error={page.error ?? undefined}
            onRetry={() => void page.refetch()}
            pageSizeOptions={pageSizes}
            emptyState={
              // Kind counts leave the kind filter out: none at all means no entity of any kind.
              <EmptyCatalog filters={filters} isCatalogEmpty={facets.counts.kind?.length === 0} />
            }
          />
        </Box>
      </Box>
    </Page>
  );
}
