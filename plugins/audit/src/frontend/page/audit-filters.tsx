import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { type FormEvent, useState } from 'react';

/** What the viewer filters by; empty strings mean "any". */
export interface AuditFilterValues {
  pluginId: string;
  eventId: string;
  actorId: string;
  target: string;
  status: '' | 'succeeded' | 'failed';
  severity: '' | 'low' | 'medium' | 'high' | 'critical';
  /** `datetime-local` values, in the browser's time zone. */
  from: string;
  to: string;
  q: string;
}

/** No filter at all. */
export const noAuditFilters: AuditFilterValues = {
  pluginId: '',
  eventId: '',
  actorId: '',
  target: '',
  status: '',
  severity: '',
  from: '',
  to: '',
  q: '',
};

const textFields = [
  ['pluginId', 'Plugin', 'catalog'],
  ['eventId', 'Event', 'catalog.location.create'],
  ['actorId', 'Actor', 'user:default/ada'],
  ['target', 'Target', 'component:default/web'],
  ['q', 'Text', 'anything'],
] as const;

type Setter = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) => void;

/** Status, severity and the time range. */
function ChoiceAndTimeFields({ draft, set }: { draft: AuditFilterValues; set: Setter }) {
  return (
    <>
      <TextField
        select
        size="small"
        label="Status"
        value={draft.status}
        onChange={set('status')}
        sx={{ minWidth: 130 }}
      >
        <MenuItem value="">Any</MenuItem>
        <MenuItem value="succeeded">Succeeded</MenuItem>
        <MenuItem value="failed">Failed</MenuItem>
      </TextField>
      <TextField
        select
        size="small"
        label="Severity"
        value={draft.severity}
        onChange={set('severity')}
        sx={{ minWidth: 130 }}
      >
        <MenuItem value="">Any</MenuItem>
        {(['low', 'medium', 'high', 'critical'] as const).map((level) => (
          <MenuItem key={level} value={level}>
            {level}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        type="datetime-local"
        label="From"
        value={draft.from}
        onChange={set('from')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        size="small"
        type="datetime-local"
        label="To"
        value={draft.to}
        onChange={set('to')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </>
  );
}

/** The filter bar; filters apply when the form is submitted. */
export function AuditFilters(props: { value: AuditFilterValues; onApply(next: AuditFilterValues): void }) {
  const [draft, setDraft] = useState(props.value);
  const set: Setter = (key) => (event) => setDraft({ ...draft, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(draft);
  };
  return (
    <Box
      component="form"
      role="search"
      aria-label="Audit log filters"
      onSubmit={submit}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mb: 2, alignItems: 'center' }}
    >
      {textFields.map(([key, label, placeholder]) => (
        <TextField
          key={key}
          size="small"
          label={label}
          placeholder={placeholder}
          value={draft[key]}
          onChange={set(key)}
        />
      ))}
      <ChoiceAndTimeFields draft={draft} set={set} />
      <Button type="submit" variant="contained">
        Apply
      </Button>
      <Button
        onClick={() => {
          setDraft(noAuditFilters);
          props.onApply(noAuditFilters);
        }}
      >
        Clear
      </Button>
    </Box>
  );
}
