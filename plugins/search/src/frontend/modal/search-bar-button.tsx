import SearchIcon from '@mui/icons-material/Search';
import { Button } from '@mui/material';
import { useCallback, useState } from 'react';
import { SearchModal } from './search-modal.js';
import { useSearchHotkeys } from './use-search-hotkeys.js';

/** The top bar's search box: a button that opens the search modal, also on `/` and Ctrl/Cmd+K. */
export function SearchBarButton() {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  useSearchHotkeys(show);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<SearchIcon />}
        onClick={show}
        aria-keyshortcuts="/ Control+K Meta+K"
      >
        Search
      </Button>
      {open && <SearchModal open onClose={() => setOpen(false)} />}
    </>
  );
}
