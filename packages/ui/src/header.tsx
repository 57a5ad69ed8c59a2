import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { contentMaxWidth } from './content.js';

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
 * The top of a page: title, optional subtitle and actions. On a narrow screen the actions
 * wrap below the title rather than squeezing it.
 *
 * @example
 * <Header title="Catalog" subtitle="Everything your organisation owns" />
 */
export function Header({ title, subtitle, overline, actions }: HeaderProps) {
  return (
    <Box component="header" sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <Box
        sx={{
          display: 'flex',
          // Actions move under the title when both do not fit, instead of squeezing it.
          flexWrap: 'wrap',
          alignItems: 'flex-end',
          columnGap: 2,
          rowGap: 1.5,
          px: { xs: 2, md: 4 },
          pt: { xs: 3, md: 4 },
          pb: 3,
          // As wide as the page's content, so on a wide screen the actions stay above it.
          maxWidth: contentMaxWidth,
        }}
      >
        <Box sx={{ flex: '1 1 280px', minWidth: 0 }}>
          {overline && (
            <Typography variant="overline" color="text.secondary">
              {overline}
            </Typography>
          )}
          <Typography
            variant="h4"
            component="h1"
            sx={{ overflowWrap: 'anywhere', fontSize: { xs: '1.75rem', sm: '2.125rem' } }}
          >
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body1" color="text.secondary" sx={{ mt: 0.5 }}>
              {subtitle}
            </Typography>
          )}
        </Box>
        {actions && <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, flexShrink: 0 }}>{actions}</Box>}
      </Box>
    </Box>
  );
}
