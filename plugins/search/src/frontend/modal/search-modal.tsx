import { useDebouncedValue } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import {
  Box,
  Dialog,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  ListSubheader,
  Link as MuiLink,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { SearchResult } from '../../common/search-types.js';
import { HighlightedText } from '../components/highlighted-text.js';
import { searchResultRenderersApiRef } from '../search-result-renderers-api.js';
import { useSearch } from '../use-search.js';
import { groupResults } from './group-results.js';

const typeaheadLimit = 12;

function isAppPath(location: string) {
  return location.startsWith('/') && !location.startsWith('//');
}

function TypeaheadResults({ term, onPick }: { term: string; onPick: (result: SearchResult) => void }) {
  const { data, error, isFetching } = useSearch({ term, pageLimit: typeaheadLimit }, term.trim() !== '');
  const renderers = useApi(searchResultRenderersApiRef);
  if (term.trim() === '')
    return <Typography color="text.secondary">Type to search the catalog, templates and docs.</Typography>;
  if (error) return <Typography color="error">Search failed: {(error as Error).message}</Typography>;
  if (!data) return <Typography color="text.secondary">Searching…</Typography>;
  if (data.results.length === 0 && !isFetching)
    return <Typography color="text.secondary">No results for “{term}”.</Typography>;
  return (
    <List dense aria-label="Search results">
      {groupResults(data.results).flatMap((group) => [
        <ListSubheader key={`type:${group.type}`}>{renderers.labelOf(group.type)}</ListSubheader>,
        ...group.results.map((result) => (
          <ListItem key={`${result.type}:${result.document.location}`} disablePadding>
            <ListItemButton onClick={() => onPick(result)}>
              <ListItemText
                primary={<HighlightedText result={result} field="title" fallback={result.document.title} />}
                secondary={typeof result.document.kind === 'string' ? result.document.kind : undefined}
              />
            </ListItemButton>
          </ListItem>
        )),
      ])}
    </List>
  );
}

/** The search modal: a term field with typeahead results grouped by type; Enter opens the full page. */
export function SearchModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [term, setTerm] = useState('');
  const debounced = useDebouncedValue(term, 150);
  const navigate = useNavigate();
  const pick = (result: SearchResult) => {
    onClose();
    if (isAppPath(result.document.location)) navigate(result.document.location);
    else window.location.assign(result.document.location);
  };
  const fullPage = `/search?term=${encodeURIComponent(term)}`;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="search-modal-title">
      <DialogTitle id="search-modal-title">Search</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          label="Search"
          value={term}
          onChange={(event) => setTerm(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            onClose();
            navigate(fullPage);
          }}
          slotProps={{ htmlInput: { 'aria-label': 'Search term', maxLength: 1000 } }}
        />
        <Box sx={{ mt: 2, minHeight: 80 }}>
          <TypeaheadResults term={debounced} onPick={pick} />
        </Box>
        {term.trim() !== '' && (
          <MuiLink component={RouterLink} to={fullPage} onClick={onClose}>
            All results for “{term}”
          </MuiLink>
        )}
      </DialogContent>
    </Dialog>
  );
}
