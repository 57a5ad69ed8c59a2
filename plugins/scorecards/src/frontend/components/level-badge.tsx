import WorkspacePremiumOutlined from '@mui/icons-material/WorkspacePremiumOutlined';
import Chip from '@mui/material/Chip';
import { useTheme } from '@mui/material/styles';

/** A level of a track as badges need it. */
export interface LevelLike {
  ordinal: number;
  name: string;
}

/** Props of {@link LevelBadge}. */
export interface LevelBadgeProps {
  /** The level reached, or `undefined` when the entity is not certified at any level. */
  level?: LevelLike;
  /** The track's levels, to say how far up the reached one is. */
  levels: readonly LevelLike[];
  size?: 'small' | 'medium';
}

/**
 * The level an entity reached in a track, e.g. "Gold": the success colour for the top
 * level, the info colour below it, an outlined "Not certified" otherwise.
 *
 * @example
 * <LevelBadge level={{ ordinal: 2, name: 'Silver' }} levels={track.levels} />
 */
export function LevelBadge({ level, levels, size = 'small' }: LevelBadgeProps) {
  const theme = useTheme();
  if (!level) return <Chip size={size} variant="outlined" label="Not certified" />;
  const ordinals = levels.map((l) => l.ordinal).sort((a, b) => a - b);
  const position = ordinals.indexOf(level.ordinal) + 1;
  const isTop = position === ordinals.length;
  // The dark shades: white text on the main ones falls short of WCAG AA contrast (axe, e2e).
  const main = isTop ? theme.palette.success.dark : theme.palette.info.dark;
  return (
    <Chip
      size={size}
      icon={<WorkspacePremiumOutlined />}
      label={level.name}
      title={`Level ${position} of ${ordinals.length}`}
      sx={{
        bgcolor: main,
        color: theme.palette.getContrastText(main),
        '& .MuiChip-icon': { color: 'inherit' },
      }}
    />
  );
}
