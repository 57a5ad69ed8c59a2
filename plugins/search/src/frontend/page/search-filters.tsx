import { MenuItem, Stack, TextField } from '@mui/material';
import type { SearchResultRenderer } from '../search-result-renderer-blueprint.js';
import { PAGE_FILTER_FIELDS } from './search-page-state.js';

const capitalized = (field: string) => field.charAt(0).toUpperCase() + field.slice(1);

/** The page's filters: document type (from the renderers) and kind, owner, lifecycle. */
export function SearchFilters(props: {
  params: URLSearchParams;
  renderers: readonly SearchResultRenderer[];
  onChange: (key: string, value: string) => void;
}) {
  const { params, renderers, onChange } = props;
  return (
    <Stack spacing={2} sx={{ minWidth: 220 }} component="section" aria-label="Filters">
      <TextField
        select
        label="Type"
        size="small"
        value={params.get('type') ?? ''}
        onChange={(e) => onChange('type', e.target.value)}
      >
        <MenuItem value="">All types</MenuItem>
        {renderers.map((renderer) => (
          <MenuItem key={renderer.type} value={renderer.type}>
            {renderer.label}
          </MenuItem>
        ))}
      </TextField>
      {PAGE_FILTER_FIELDS.map((field) => (
        <TextField
          key={field}
          label={capitalized(field)}
          size="small"
          value={params.get(field) ?? ''}
          onChange={(e) => onChange(field, e.target.value)}
        />
      ))}
    </Stack>
  );
}
