import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** How wide a page's content (and its header's) grows, for readable lines on wide screens. */
export const contentMaxWidth = 1440;

/** Props of {@link Content}. */
export interface ContentProps {
  children?: ReactNode;
}

/**
 * The padded body of a page, below its header.
 *
 * @example
 * <Content><EntityTable /></Content>
 */
export function Content({ children }: ContentProps) {
  return (
    <Box component="section" sx={{ px: { xs: 2, md: 4 }, py: 3, maxWidth: contentMaxWidth }}>
      {children}
    </Box>
  );
}
