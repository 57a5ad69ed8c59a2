import { List, ListItemButton, ListItemText, ListSubheader } from '@mui/material';
import type { NavEntry } from '../../common/index.js';

/** Props of {@link SiteNav}. */
export interface SiteNavProps {
  nav: NavEntry[];
  current: string;
  onSelect(pagePath: string): void;
}

function entries(nav: NavEntry[], props: SiteNavProps, depth: number): React.ReactNode[] {
  return nav.map((entry) =>
    entry.children ? (
      <li key={`section-${entry.title}`}>
        <ListSubheader disableSticky sx={{ pl: 2 + depth * 2, lineHeight: '32px' }}>
          {entry.title}
        </ListSubheader>
        <List dense disablePadding>
          {entries(entry.children, props, depth + 1)}
        </List>
      </li>
    ) : (
      <ListItemButton
        key={entry.path}
        selected={entry.path === props.current}
        aria-current={entry.path === props.current ? 'page' : undefined}
        onClick={() => entry.path && props.onSelect(entry.path)}
        sx={{ pl: 2 + depth * 2 }}
      >
        <ListItemText primary={entry.title} />
      </ListItemButton>
    ),
  );
}

/** The site's navigation from mkdocs.yml. */
export function SiteNav(props: SiteNavProps) {
  return (
    <nav aria-label="Docs navigation">
      <List dense>{entries(props.nav, props, 0)}</List>
    </nav>
  );
}
