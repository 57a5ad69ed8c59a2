import type { EntityFacetsResponse } from '@atrium/catalog/common';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { humanizeRef } from '../components/entity-links.js';
import type { GalleryFilters } from './gallery-filter-state.js';

/** Props of {@link GalleryFiltersPanel}. */
export interface GalleryFiltersPanelProps {
  filters: GalleryFilters;
  facets: FacetCounts | undefined;
  onChange: (next: GalleryFilters) => void;
}

type FacetCounts = EntityFacetsResponse['facets'];

const values = (facets: FacetCounts | undefined, key: string) => (facets?.[key] ?? []).map((f) => f.value);

/** Search, type, tags and owner filters of the template gallery, with options from catalog facets. */
export function GalleryFiltersPanel({ filters, facets, onChange }: GalleryFiltersPanelProps) {
  const types = values(facets, 'spec.type');
  const tags = values(facets, 'metadata.tags');
  const owners = values(facets, 'relations.ownedBy');
  return (
    <Box
      role="search"
      aria-label="Filter templates"
      sx={{ display: 'flex', flexDirection: 'column', gap: 2, width: { xs: '100%', md: 260 }, flexShrink: 0 }}
    >
      <TextField
        label="Search templates"
        type="search"
        size="small"
        value={filters.text}
        onChange={(event) => onChange({ ...filters, text: event.target.value })}
      />
      <TextField
        select
        label="Type"
        size="small"
        value={filters.type ?? ''}
        onChange={(event) => onChange({ ...filters, type: event.target.value || undefined })}
      >
        <MenuItem value="">All types</MenuItem>
        {types.map((type) => (
          <MenuItem key={type} value={type}>
            {type}
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete
        multiple
        size="small"
        options={tags}
        value={filters.tags}
        onChange={(_, next) => onChange({ ...filters, tags: next })}
        renderInput={(params) => <TextField {...params} label="Tags" />}
      />
      <Autocomplete
        size="small"
        options={owners}
        value={filters.owner ?? null}
        getOptionLabel={(ref) => humanizeRef(ref, 'group')}
        onChange={(_, next) => onChange({ ...filters, owner: next ?? undefined })}
        renderInput={(params) => <TextField {...params} label="Owner" />}
      />
    </Box>
  );
}
