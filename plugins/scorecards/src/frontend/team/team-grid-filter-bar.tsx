import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Track } from '../../common/index.js';
import type { LevelFilter, TeamGridFilters } from './filter-team-rows.js';

/** Props of {@link TeamGridFilterBar}. */
export interface TeamGridFilterBarProps {
  filters: TeamGridFilters;
  onChange: (next: TeamGridFilters) => void;
  /** Kinds present among the team's entities. */
  kinds: readonly string[];
  tracks: readonly Track[];
}

function SelectFilter(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [value: string, label: string][];
}) {
  return (
    <TextField
      select
      size="small"
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      sx={{ minWidth: 160 }}
    >
      {props.options.map(([value, label]) => (
        <MenuItem key={value} value={value}>
          {label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The team grid's filters: name, kind, track and level reached. */
export function TeamGridFilterBar({ filters, onChange, kinds, tracks }: TeamGridFilterBarProps) {
  const set = (patch: Partial<TeamGridFilters>) => onChange({ ...filters, ...patch });
  return (
    <Stack
      direction="row"
      spacing={2}
      sx={{ flexWrap: 'wrap' }}
      role="search"
      aria-label="Filter the team's entities"
    >
      <TextField
        size="small"
        label="Name"
        value={filters.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <SelectFilter
        label="Kind"
        value={filters.kind}
        onChange={(kind) => set({ kind })}
        options={[['', 'All kinds'], ...kinds.map((k): [string, string] => [k, k])]}
      />
      <SelectFilter
        label="Track"
        value={filters.trackId}
        onChange={(trackId) => set({ trackId })}
        options={[['', 'All tracks'], ...tracks.map((t): [string, string] => [t.id, t.name])]}
      />
      <TextField
        select
        size="small"
        label="Level"
        value={filters.level}
        onChange={(e) => set({ level: e.target.value as LevelFilter })}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="all">Any level</MenuItem>
        <MenuItem value="uncertified">Not certified</MenuItem>
        <MenuItem value="below-top">Below the top level</MenuItem>
      </TextField>
    </Stack>
  );
}
