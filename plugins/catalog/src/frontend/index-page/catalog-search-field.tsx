import Search from '@mui/icons-material/Search';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';

/** Props of {@link CatalogSearchField}. */
export interface CatalogSearchFieldProps {
  /** The applied search text (from the URL). */
  value: string;
  /** Called once typing pauses. */
  onChange(value: string): void;
  /** How long typing must pause before the search runs. */
  debounceMs?: number;
}

/**
 * The catalog's search box: searches once typing pauses, and follows the URL when
 * back/forward change the applied text.
 *
 * @example
 * <CatalogSearchField value={state.text} onChange={setText} />
 */
export function CatalogSearchField({ value, onChange, debounceMs = 300 }: CatalogSearchFieldProps) {
  const [draft, setDraft] = useState(value);
  const applied = useRef(value);
  useEffect(() => {
    if (value === applied.current) return;
    applied.current = value;
    setDraft(value);
  }, [value]);
  useEffect(() => {
    if (draft === applied.current) return;
    const timer = setTimeout(() => {
      applied.current = draft;
      onChange(draft);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [draft, debounceMs, onChange]);
  return (
    <TextField
      type="search"
      size="small"
      label="Search the catalog"
      placeholder="Name, title or description"
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      sx={{ minWidth: { xs: '100%', sm: 320 } }}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <Search fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
