import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import DeleteOutline from '@mui/icons-material/DeleteOutline';
import Autocomplete from '@mui/material/Autocomplete';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Check, Level } from '../../common/index.js';

/** Props of {@link LevelEditor}. */
export interface LevelEditorProps {
  level: Level;
  /** Every check a level may use, for the picker. */
  checks: readonly Pick<Check, 'id' | 'name'>[];
  isFirst: boolean;
  isLast: boolean;
  isReadOnly: boolean;
  onChange: (next: Level) => void;
  onMove: (by: -1 | 1) => void;
  onRemove?: () => void;
}

function MoveButtons({
  level,
  isFirst,
  isLast,
  onMove,
  onRemove,
}: Omit<LevelEditorProps, 'checks' | 'onChange' | 'isReadOnly'>) {
  return (
    <Stack direction="row">
      <IconButton
        size="small"
        disabled={isFirst}
        aria-label={`Move ${level.name} up`}
        onClick={() => onMove(-1)}
      >
        <ArrowUpward fontSize="small" />
      </IconButton>
      <IconButton
        size="small"
        disabled={isLast}
        aria-label={`Move ${level.name} down`}
        onClick={() => onMove(1)}
      >
        <ArrowDownward fontSize="small" />
      </IconButton>
      {onRemove && (
        <IconButton size="small" aria-label={`Remove ${level.name}`} onClick={onRemove}>
          <DeleteOutline fontSize="small" />
        </IconButton>
      )}
    </Stack>
  );
}

/** One level of a track: its name, description and checks, with buttons to reorder or remove it. */
export function LevelEditor(props: LevelEditorProps) {
  const { level, checks, isReadOnly, onChange } = props;
  const names = new Map(checks.map((check) => [check.id, check.name]));
  return (
    <Stack
      spacing={1}
      role="group"
      aria-label={`Level ${level.ordinal}`}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
    >
      <Stack direction="row" spacing={1} alignItems="center">
        <Typography variant="subtitle2" component="h3" sx={{ minWidth: 64 }}>
          {`Level ${level.ordinal}`}
        </Typography>
        <TextField
          size="small"
          label="Level name"
          required
          disabled={isReadOnly}
          value={level.name}
          onChange={(e) => onChange({ ...level, name: e.target.value })}
          sx={{ flex: 1 }}
        />
        {!isReadOnly && <MoveButtons {...props} />}
      </Stack>
      {(!isReadOnly || level.description) && (
        <TextField
          size="small"
          label="Level description"
          disabled={isReadOnly}
          value={level.description ?? ''}
          onChange={(e) => onChange({ ...level, description: e.target.value || undefined })}
        />
      )}
      <Autocomplete
        multiple
        disabled={isReadOnly}
        options={checks.map((check) => check.id)}
        getOptionLabel={(id) => names.get(id) ?? id}
        value={level.checks.map((check) => check.id)}
        onChange={(_, ids) => onChange({ ...level, checks: ids.map((id) => ({ id })) })}
        renderInput={(params) => (
          <TextField {...params} size="small" label={`Checks of ${level.name || `level ${level.ordinal}`}`} />
        )}
      />
    </Stack>
  );
}
