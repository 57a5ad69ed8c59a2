import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/**
 * Text for screen readers only, e.g. to give a count words that sighted users read from layout.
 *
 * @example
 * <VisuallyHidden>, 12 entities</VisuallyHidden>
 */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return (
    <Box
      component="span"
      sx={{
        position: 'absolute',
        // Strings, not numbers: in sx a number <= 1 means a fraction (width: 1 is 100 %).
        width: '1px',
        height: '1px',
        p: 0,
        m: '-1px',
        overflow: 'hidden',
        clip: 'rect(0 0 0 0)',
        whiteSpace: 'nowrap',
        border: 0,
      }}
    >
      {children}
    </Box>
  );
}
