import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

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
    <Box component="section" sx={{ px: { xs: 2, md: 4 }, py: 3, maxWidth: 1440 }}>
      {children}
    </Box>
  );
}
