import Box from '@mui/material/Box';
import type { ReactNode } from 'react';
import { Content } from './content.js';
import { Header, type HeaderProps } from './header.js';

/** Props of {@link Page}. */
export interface PageProps extends HeaderProps {
  children?: ReactNode;
}

/**
 * A whole page: a {@link Header} and its {@link Content}.
 *
 * @example
 * <Page title="Catalog" subtitle="All components"><EntityTable /></Page>
 */
export function Page({ children, ...header }: PageProps) {
  return (
    // No height of its own: one that fills the shell's main area adds the top bar's
    // height again and scrolls a short page.
    <Box>
      <Header {...header} />
      <Content>{children}</Content>
    </Box>
  );
}
