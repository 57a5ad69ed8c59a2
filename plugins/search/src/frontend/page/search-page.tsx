import { ErrorPanel, Page } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import { Box, Button, Divider, Stack, TextField, Typography } from '@mui/material';
import { useSearchParams } from 'react-router';
import { DefaultResult } from '../components/default-result.js';
import { searchResultRenderersApiRef } from '../search-result-renderers-api.js';
import { useSearch } from '../use-search.js';
import { SearchFilters } from './search-filters.js';
import { queryFromParams, termOf, withParam } from './search-page-state.js';

const pageLimit = 20;

/** The search page at `/search`: a term, type and field filters, highlighted results, paging. */
export function SearchPage() {
  const renderers = useApi(searchResultRenderersApiRef);
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params, pageLimit);
  const { data, error } = useSearch(query);
  const change = (key: string, value: string) =>
    setParams(withParam(params, key, value), { replace: key !== 'cursor' });
  return (
    <Page title="Search">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
        <SearchFilters params={params} renderers={renderers.all} onChange={change} />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <TextField
            fullWidth
            label="Search"
            value={termOf(params)}
            onChange={(e) => change('term', e.target.value)}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
          {error && <ErrorPanel error={error as Error} title="Search failed" />}
          {data && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} role="status">
              {data.numberOfResults ?? data.results.length} results
            </Typography>
          )}
          <Box component="section" aria-label="Results">
            {data?.results.map((result) => {
              const Result = renderers.componentOf(result.type) ?? DefaultResult;
              return (
                <Box key={`${result.type}:${result.document.location}`}>
                  <Result result={result} />
                  <Divider />
                </Box>
              );
            })}
          </Box>
          <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
            <Button
              disabled={!data?.previousPageCursor}
              onClick={() => change('cursor', data?.previousPageCursor ?? '')}
            >
              Previous
            </Button>
            <Button
              disabled={!data?.nextPageCursor}
              onClick={() => change('cursor', data?.nextPageCursor ?? '')}
            >
              Next
            </Button>
          </Stack>
        </Box>
      </Stack>
    </Page>
  );
}
