import CssBaseline from '@mui/material/CssBaseline';
import { type Theme, ThemeProvider } from '@mui/material/styles';
import type { ReactNode } from 'react';

/** Props of {@link UiThemeProvider}. */
export interface UiThemeProviderProps {
  theme: Theme;
  children?: ReactNode;
}

/**
 * Applies an MUI theme and its baseline CSS to everything below it.
 *
 * @example
 * <UiThemeProvider theme={darkTheme}><App /></UiThemeProvider>
 */
export function UiThemeProvider({ theme, children }: UiThemeProviderProps) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      {children}
    </ThemeProvider>
  );
}
