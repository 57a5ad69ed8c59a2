import { parseEntityRef, stringifyEntityRef } from '@atrium/catalog-model';
import { ErrorPanel } from '@atrium/ui';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { humanizeEntityRef } from '../components/entity-route.js';
import { useEntityTitles } from '../presentation/use-entity-presentation.js';
import type { FacetKey } from './catalog-filter-state.js';
import { FacetFilter } from './facet-filter.js';
import type { CatalogFacets } from './use-catalog-facets.js';
import type { CatalogFilterStateHandle } from './use-catalog-filter-state.js';

const facetLabels: Record<FacetKey, string> = {
  kind: 'Kind',
  type: 'Type',
  owner: 'Owner',
  lifecycle: 'Lifecycle',
  namespace: 'Namespace',
  tag: 'Tags',
};

/** Owner values are refs: shown by the owner's title when the catalog has one. */
function ownerFormatter(titles: Map<string, string>) {
  return (ref: string): string => {
    try {
      return (
        titles.get(stringifyEntityRef(parseEntityRef(ref))) ??
        humanizeEntityRef(ref, { defaultKind: 'group' })
      );
    } catch {
      return ref;
    }
  };
}

/** Props of {@link CatalogFiltersPanel}. */
export interface CatalogFiltersPanelProps {
  filters: CatalogFilterStateHandle;
  facets: CatalogFacets;
  starredCount: number;
}

/**
 * The catalog index's filters: starred only, then one checkbox group per facet with counts;
 * the Kind group offers "All kinds", as the catalog opens on Components.
 *
 * @example
 * <CatalogFiltersPanel filters={filters} facets={useCatalogFacets(filters.state)} starredCount={3} />
 */
export function CatalogFiltersPanel({ filters, facets, starredCount }: CatalogFiltersPanelProps) {
  const { state } = filters;
  const ownerTitles = useEntityTitles([
    ...(facets.counts.owner ?? []).map((count) => count.value),
    ...state.facets.owner,
  ]);
  const isFiltered =
    state.starredOnly || state.text.trim() !== '' || Object.values(state.facets).some((v) => v.length > 0);
  return (
    <Box component="section" aria-labelledby="catalog-filters-heading">
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <Typography id="catalog-filters-heading" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          Filters
        </Typography>
        <Button size="small" onClick={filters.clearFilters} disabled={!isFiltered}>
          Clear all
        </Button>
      </Box>
      <FormControlLabel
        sx={{ mb: 1 }}
        control={
          <Switch
            checked={state.starredOnly}
            onChange={(event) => filters.setStarredOnly(event.target.checked)}
          />
        }
        label={`Starred only (${starredCount})`}
      />
      {facets.error !== undefined && (
        <ErrorPanel title="Filter counts could not be loaded" error={facets.error} onRetry={facets.retry} />
      )}
      {(Object.keys(facetLabels) as FacetKey[]).map((key) => (
        <FacetFilter
          key={key}
          label={facetLabels[key]}
          counts={facets.counts[key]}
          selected={state.facets[key]}
          onChange={(values) => filters.setFacet(key, values)}
          format={key === 'owner' ? ownerFormatter(ownerTitles) : undefined}
          allLabel={key === 'kind' ? 'All kinds' : undefined}
        />
      ))}
    </Box>
  );
}
