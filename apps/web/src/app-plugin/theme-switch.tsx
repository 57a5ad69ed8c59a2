import { appThemeApiRef, useApi } from '@atrium/web-kernel';
import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useSyncExternalStore } from 'react';

/**
 * Switches between the light and dark theme; the theme API remembers the choice in localStorage.
 *
 * @example
 * <ThemeSwitch />
 */
export function ThemeSwitch() {
  const themeApi = useApi(appThemeApiRef);
  const active = useSyncExternalStore(themeApi.subscribe, themeApi.getActiveTheme);
  const nextVariant = active?.variant === 'dark' ? 'light' : 'dark';
  const next = themeApi.getThemes().find((theme) => theme.variant === nextVariant);
  if (!next) return null;
  const label = `Switch to ${next.title.toLowerCase()} theme`;
  return (
    <Tooltip title={label}>
      <IconButton aria-label={label} onClick={() => themeApi.setActiveThemeId(next.id)}>
        {nextVariant === 'dark' ? <DarkModeOutlined /> : <LightModeOutlined />}
      </IconButton>
    </Tooltip>
  );
}
