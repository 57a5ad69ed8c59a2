import { toEntityQueryParams, toFilterParams } from '@atrium/catalog/common';
import { catalogApiRef } from '@atrium/catalog/frontend';
import { EmptyState, ErrorPanel, LoadingSkeleton, Page, useDebouncedValue } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { toEntityFilterQuery } from '../fields/catalog-filter.js';
import { useScaffolderContext } from '../scaffolder-context.js';
import {
  type GalleryFilters,
  readGalleryFilters,
  templateFilter,
  writeGalleryFilters,
} from './gallery-filter-state.js';
import { GalleryFiltersPanel } from './gallery-filters.js';
import { TemplateCard } from './template-card.js';

const facetNames = ['spec.type', 'metadata.tags', 'relations.ownedBy'];

/** `/create`: the template gallery, filtered by type, tags, owner and text. */
export function TemplateGalleryPage() {
  const catalog = useApi(catalogApiRef);
  const { routes } = useScaffolderContext();
  const [params, setParams] = useSearchParams();
  const filters = readGalleryFilters(params);
  const text = useDebouncedValue(filters.text, 250);
  const setFilters = (next: GalleryFilters) => setParams(writeGalleryFilters(next), { replace: true });
  const facets = useQuery({
    queryKey: ['scaffolder', 'template-facets'],
    queryFn: async () =>
      (
        await catalog.getEntityFacets({
          query: { facet: facetNames, filter: toFilterParams({ kind: 'template' }) },
        })
      ).facets,
  });
  const filter = templateFilter(filters);
  const templates = useQuery({
    queryKey: ['scaffolder', 'templates', filter, text],
    queryFn: () =>
      catalog.getEntitiesByQuery({
        query: toEntityQueryParams({
          filter: toEntityFilterQuery(filter),
          fullTextFilter: text
            ? { term: text, fields: ['metadata.name', 'metadata.title', 'metadata.description'] }
            : undefined,
          orderField: { field: 'metadata.name', order: 'asc' },
          limit: 500,
        }),
      }),
    placeholderData: keepPreviousData,
  });
  const items = templates.data?.items;
  return (
    <Page
      title="Create something new"
      subtitle="Start a service, a library or a website from a template, with the setup your organisation recommends."
      actions={
        <>
          <Button component={RouterLink} to={routes.tasks}>
            Task list
          </Button>
          <Button component={RouterLink} to={routes.editor}>
            Template editor
          </Button>
        </>
      }
    >
      <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, gap: 3 }}>
        <GalleryFiltersPanel filters={filters} facets={facets.data} onChange={setFilters} />
        <Box sx={{ flexGrow: 1, minWidth: 0 }} aria-busy={templates.isFetching}>
          {templates.isError && (
            <ErrorPanel
              error={templates.error}
              title="Could not load templates"
              onRetry={() => templates.refetch()}
            />
          )}
          {templates.isPending && <LoadingSkeleton lines={6} />}
          {items && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} role="status">
              {items.length === 1 ? '1 template' : `${items.length} templates`}
            </Typography>
          )}
          {items?.length === 0 && (
            <EmptyState
              title="No templates match"
              description="Clear the filters, or register a template.yaml in the catalog to add one."
            />
          )}
          <Box
            component="ul"
            aria-label="Templates"
            sx={{
              listStyle: 'none',
              p: 0,
              m: 0,
              display: 'grid',
              gap: 2,
              gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
            }}
          >
            {items?.map((template) => (
              <li key={template.metadata.uid ?? `${template.metadata.namespace}/${template.metadata.name}`}>
                <TemplateCard
                  template={template}
                  to={routes.template(template.metadata.namespace ?? 'default', template.metadata.name)}
                  onTagSelect={(tag) =>
                    setFilters({ ...filters, tags: [...new Set([...filters.tags, tag])] })
                  }
                />
              </li>
            ))}
          </Box>
        </Box>
      </Box>
    </Page>
  );
}
