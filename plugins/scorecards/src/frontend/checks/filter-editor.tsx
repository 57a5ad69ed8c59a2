import DeleteOutline from '@mui/icons-material/DeleteOutline';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ScorecardsEntityFilter } from '../../common/index.js';

type FilterSet = Record<string, string | string[]>;

/** Props of {@link FilterEditor}. */
export interface FilterEditorProps {
  label: string;
  filter: ScorecardsEntityFilter | undefined;
  onChange: (next: ScorecardsEntityFilter | undefined) => void;
  isReadOnly: boolean;
}

const toText = (value: string | string[]) => (Array.isArray(value) ? value.join(', ') : value);
const toValue = (text: string) => {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 1 ? parts : (parts[0] ?? '');
};

const suggestedFields = ['kind', 'spec.type', 'spec.lifecycle', 'metadata.tags'];
const nextField = (used: string[]) =>
  suggestedFields.find((field) => !used.includes(field)) ?? `field${used.length + 1}`;

/**
 * A catalog filter as rows of field (`kind`, `spec.lifecycle`) and values (comma-separated
 * means any of them); rows are ANDed. A filter of several sets (from YAML) is shown as JSON.
 */
export function FilterEditor({ label, filter, onChange, isReadOnly }: FilterEditorProps) {
  if (Array.isArray(filter)) {
    return <Typography variant="body2">{`${label}: ${JSON.stringify(filter)}`}</Typography>;
  }
  const rows = Object.entries((filter ?? {}) as FilterSet);
  const set = (next: [string, string | string[]][]) =>
    onChange(next.length === 0 ? undefined : Object.fromEntries(next));
  return (
    <Stack spacing={1} role="group" aria-label={label}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      {rows.map(([key, value], index) => (
        <Stack key={key} direction="row" spacing={1} alignItems="center">
          <TextField
            size="small"
            label="Field"
            disabled={isReadOnly}
            defaultValue={key}
            onBlur={(e) => set(rows.map((r, i) => (i === index ? [e.target.value, r[1]] : r)))}
          />
          <TextField
            size="small"
            label="Values"
            disabled={isReadOnly}
            value={toText(value)}
            onChange={(e) => set(rows.map((r, i) => (i === index ? [r[0], toValue(e.target.value)] : r)))}
            sx={{ flex: 1 }}
          />
          {!isReadOnly && (
            <IconButton
              size="small"
              aria-label={`Remove ${key}`}
              onClick={() => set(rows.filter((_, i) => i !== index))}
            >
              <DeleteOutline fontSize="small" />
            </IconButton>
          )}
        </Stack>
      ))}
      {!isReadOnly && (
        <Button
          size="small"
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => set([...rows, [nextField(rows.map((r) => r[0])), '']])}
        >
          Add field
        </Button>
      )}
    </Stack>
  );
}
