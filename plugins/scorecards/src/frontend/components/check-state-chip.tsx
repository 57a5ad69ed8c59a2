import BlockOutlined from '@mui/icons-material/BlockOutlined';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import ErrorOutline from '@mui/icons-material/ErrorOutline';
import HelpOutline from '@mui/icons-material/HelpOutline';
import HighlightOff from '@mui/icons-material/HighlightOff';
import ShieldOutlined from '@mui/icons-material/ShieldOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';
import Chip from '@mui/material/Chip';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactElement } from 'react';
import { describeCheckState } from './check-state.js';

/** Props of {@link CheckStateChip}. */
export interface CheckStateChipProps {
  /** Wire state: `passed`, `failed`, `warning`, `error`, `not-applicable`, `not-reported`, `exempt`. */
  state: string;
  size?: 'small' | 'medium';
}

const icons: Record<string, ReactElement> = {
  Passed: <CheckCircleOutline />,
  Failed: <HighlightOff />,
  Warning: <WarningAmber />,
  Error: <ErrorOutline />,
  Exempt: <ShieldOutlined />,
  'Not applicable': <BlockOutlined />,
};

// The info colour's main shade as text on the page falls short of WCAG AA contrast (axe, e2e).
const infoContrast: SxProps<Theme> = (theme) => {
  const text = theme.palette.mode === 'dark' ? theme.palette.info.light : theme.palette.info.dark;
  return { '&.MuiChip-colorInfo, &.MuiChip-colorInfo .MuiChip-icon': { color: text, borderColor: text } };
};

/**
 * A check result's state as a coloured chip with an icon, so colour is never the only cue.
 *
 * @example
 * <CheckStateChip state="failed" />
 */
export function CheckStateChip({ state, size = 'small' }: CheckStateChipProps) {
  const { label, color } = describeCheckState(state);
  return (
    <Chip
      size={size}
      variant="outlined"
      color={color}
      icon={icons[label] ?? <HelpOutline />}
      label={label}
      data-state={state}
      sx={infoContrast}
    />
  );
}
