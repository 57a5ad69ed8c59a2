import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useTheme } from '@mui/material/styles';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { type ComponentType, type ReactNode, useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';

/** One entry of the left navigation. */
export interface AppShellNavItem {
  title: string;
  /** An app path such as `/catalog`. */
  to: string;
  icon?: ComponentType<{ fontSize?: 'small' | 'medium' | 'inherit' }>;
  /** Wraps the item; it shows only when the guard renders its children. */
  guard?: ComponentType<{ children: ReactNode }>;
}

/** Props of {@link AppShell}. */
export interface AppShellProps {
  title: string;
  navItems: readonly AppShellNavItem[];
  /** Controls at the right of the top bar, e.g. the theme switch and the user menu. */
  actions?: ReactNode;
  children?: ReactNode;
}

const drawerWidth = 232;

function isActive(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}

/**
 * The frame of the app: a top bar with the title and actions, a left navigation that
 * collapses into a menu on small screens, and the page.
 *
 * @example
 * <AppShell title="Atrium" navItems={[{ title: 'Home', to: '/' }]}><Outlet /></AppShell>
 */
export function AppShell({ title, navItems, actions, children }: AppShellProps) {
  const theme = useTheme();
  const isWide = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const [isMenuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const nav = (
    <Box component="nav" aria-label="Main">
      <Toolbar />
      <List sx={{ px: 1 }}>
        {navItems.map(({ title: itemTitle, to, icon: Icon, guard: Guard }) => {
          // A <ul> may only hold <li>s: each link sits in its own list item.
          const item = (
            <ListItem key={to} disablePadding>
              <ListItemButton
                component={RouterLink}
                to={to}
                selected={isActive(pathname, to)}
                onClick={() => setMenuOpen(false)}
                sx={{ borderRadius: 1, mb: 0.25 }}
              >
                {Icon && (
                  <ListItemIcon sx={{ minWidth: 36 }}>
                    <Icon fontSize="small" />
                  </ListItemIcon>
                )}
                <ListItemText primary={itemTitle} />
              </ListItemButton>
            </ListItem>
          );
          return Guard ? <Guard key={to}>{item}</Guard> : item;
        })}
      </List>
    </Box>
  );
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar
        position="fixed"
        sx={{
          zIndex: theme.zIndex.drawer + 1,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        <Toolbar sx={{ gap: 1 }}>
          {!isWide && (
            <IconButton edge="start" aria-label="Open navigation" onClick={() => setMenuOpen(!isMenuOpen)}>
              <MenuIcon />
            </IconButton>
          )}
          <Typography
            variant="h6"
            component={RouterLink}
            to="/"
            sx={{ color: 'inherit', textDecoration: 'none' }}
          >
            {title}
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          {actions}
        </Toolbar>
      </AppBar>
      <Drawer
        variant={isWide ? 'permanent' : 'temporary'}
        open={isWide || isMenuOpen}
        onClose={() => setMenuOpen(false)}
        sx={{
          width: drawerWidth,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: drawerWidth, boxSizing: 'border-box' },
        }}
      >
        {nav}
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0 }}>
        <Toolbar />
        {children}
      </Box>
    </Box>
  );
}
