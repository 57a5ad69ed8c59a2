import { catalogApiRef } from '@atrium/catalog/frontend';
import { useApi } from '@atrium/web-kernel';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

/** Props of {@link EntityPicker}. */
export interface EntityPickerProps {
  label: string;
  value: string[];
  onChange: (refs: string[]) => void;
}

/** Picks entities from the catalog by name (refs `kind:namespace/name`). */
export function EntityPicker({ label, value, onChange }: EntityPickerProps) {
  const catalog = useApi(catalogApiRef);
  const [input, setInput] = useState('');
  const options = useQuery({
    queryKey: ['scorecards', 'entity-picker', input],
    queryFn: async () => {
      const page = await catalog.getEntitiesByQuery({
        query: {
          fullTextFilterTerm: input || undefined,
          // Without fields the catalog matches the term against metadata.uid (Backstage's default).
          fullTextFilterFields: input ? 'metadata.name,metadata.title' : undefined,
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
          limit: 20,
        },
      });
      return page.items.map(
        (e) => `${e.kind.toLowerCase()}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`,
      );
    },
  });
  return (
    <Autocomplete
      multiple
      options={options.data ?? []}
      loading={options.isFetching}
      value={value}
      filterOptions={(all) => all}
      onInputChange={(_, text) => setInput(text)}
      onChange={(_, refs) => onChange(refs)}
      renderInput={(params) => <TextField {...params} size="small" label={label} />}
    />
  );
}
