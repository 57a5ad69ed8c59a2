import { Link, List, ListItem, Typography } from '@mui/material';
import type { TocEntry } from '../../common/index.js';

/** A page's table of contents (h2 and h3). */
export function PageToc({ toc }: { toc: TocEntry[] }) {
  if (toc.length === 0) return null;
  return (
    <nav aria-label="On this page">
      <Typography variant="overline">On this page</Typography>
      <List dense disablePadding>
        {toc.map((entry) => (
          <ListItem key={entry.id} disableGutters sx={{ pl: (entry.level - 2) * 2 }}>
            <Link
              href={`#${entry.id}`}
              underline="hover"
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(entry.id)?.scrollIntoView({ behavior: 'smooth' });
              }}
            >
              {entry.title}
            </Link>
          </ListItem>
        ))}
      </List>
    </nav>
  );
}
