import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** Props of {@link Header}. */
export interface HeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Small text above the title, e.g. the entity kind. */
  overline?: ReactNode;
  /** Buttons or menus shown at the right. */
  actions?: ReactNode;
}

/**
 * The top of a page: title, optional subtitle and actions.
 *
 * @example
 * <Header title="Catalog" subtitle="Everything your organisation owns" />
 */
export function Header({ title, subtitle, overline, actions }: HeaderProps) {
  return (
    <Box
      component="header"
      sx={{
        display: 'flex',
        alignItems: 'flex-end',
        gap: 2,
        px: { xs: 2, md: 4 },
        pt: 4,
        pb: 3,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
      }}
    >
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        {overline && (
          <Typography variant="overline" color="text.secondary">
            {overline}
          </Typography>
        )}
        <Typography variant="h4" component="h1" noWrap>
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body1" color="text.secondary" sx={{ mt: 0.5 }}>
            {subtitle}
          </Typography>
        )}
      </Box>
      {actions && <Box sx={{ display: 'flex', gap: 1, flexShrink: 0 }}>{actions}</Box>}
    </Box>
  );
}
