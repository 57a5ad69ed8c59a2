import { createTheme, type Theme } from '@mui/material/styles';

/** An MUI theme as Atrium's themes and ThemeBlueprint carry it. */
export type UiTheme = Theme;

/** Colour scheme of an Atrium theme. */
export type ThemeMode = 'light' | 'dark';

const fontFamily = [
  'Inter',
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');

/**
 * Builds Atrium's MUI theme for one colour scheme; plugins style through it, not hex codes.
 *
 * @example
 * const theme = createAtriumTheme('dark');
 */
export function createAtriumTheme(mode: ThemeMode): Theme {
  const isDark = mode === 'dark';
  return createTheme({
    palette: {
      mode,
      primary: { main: isDark ? '#8b93ff' : '#4f46e5' },
      secondary: { main: isDark ? '#5eead4' : '#0f766e' },
      background: isDark
        ? { default: '#0f1117', paper: '#171a23' }
        : { default: '#f6f7fb', paper: '#ffffff' },
      divider: isDark ? 'rgba(255,255,255,0.09)' : 'rgba(15,23,42,0.09)',
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily,
      h4: { fontWeight: 650, letterSpacing: '-0.01em' },
      h5: { fontWeight: 650 },
      h6: { fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
      MuiPaper: { defaultProps: { elevation: 0 } },
      MuiCard: { defaultProps: { variant: 'outlined' } },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
    },
  });
}

/** Atrium's light theme. */
export const lightTheme: Theme = createAtriumTheme('light');

/** Atrium's dark theme. */
export const darkTheme: Theme = createAtriumTheme('dark');
