import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';

/** Props of {@link TagChips}. */
export interface TagChipsProps {
  tags: readonly string[];
  /** Makes each chip clickable, e.g. to filter by the tag. */
  onSelect?: (tag: string) => void;
}

/**
 * Small chips for a list of tags.
 *
 * @example
 * <TagChips tags={entity.metadata.tags ?? []} />
 */
export function TagChips({ tags, onSelect }: TagChipsProps) {
  if (tags.length === 0) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {tags.map((tag) => (
        <Chip
          key={tag}
          label={tag}
          size="small"
          variant="outlined"
          onClick={onSelect ? () => onSelect(tag) : undefined}
        />
      ))}
    </Stack>
  );
}
