import { List, ListItemButton, ListItemText, Paper, TextField } from '@mui/material';
import { useMemo, useState } from 'react';
import type { SitePage } from '../../common/index.js';

const MAX_RESULTS = 8;

function snippet(text: string, at: number): string {
  const start = Math.max(0, at - 40);
  return `${start > 0 ? '…' : ''}${text.slice(start, at + 80)}…`;
}

/** Searches the site's pages in the browser (titles first, then text). */
export function searchPages(pages: SitePage[], term: string): Array<{ page: SitePage; snippet: string }> {
  const needle = term.trim().toLowerCase();
  if (needle.length < 2) return [];
  const byTitle = pages.filter((p) => p.title.toLowerCase().includes(needle));
  const byText = pages.filter((p) => !byTitle.includes(p) && p.text.toLowerCase().includes(needle));
  return [...byTitle, ...byText].slice(0, MAX_RESULTS).map((page) => {
    const at = page.text.toLowerCase().indexOf(needle);
    return { page, snippet: at === -1 ? page.text.slice(0, 120) : snippet(page.text, at) };
  });
}

/** The in-docs search box. */
export function DocsSearch({ pages, onSelect }: { pages: SitePage[]; onSelect(pagePath: string): void }) {
  const [term, setTerm] = useState('');
  const results = useMemo(() => searchPages(pages, term), [pages, term]);
  return (
    <div style={{ position: 'relative' }}>
      <TextField
        size="small"
        fullWidth
        label="Search these docs"
        value={term}
        onChange={(e) => setTerm(e.target.value)}
      />
      {results.length > 0 && (
        <Paper sx={{ position: 'absolute', zIndex: 10, width: '100%' }} elevation={4}>
          <List dense aria-label="Search results">
            {results.map(({ page, snippet: text }) => (
              <ListItemButton
                key={page.path}
                onClick={() => {
                  setTerm('');
                  onSelect(page.path);
                }}
              >
                <ListItemText primary={page.title} secondary={text} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
    </div>
  );
}
