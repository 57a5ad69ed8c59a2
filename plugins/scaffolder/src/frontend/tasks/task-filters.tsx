import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import type { TaskStatus } from '../../common/index.js';

const statuses: TaskStatus[] = ['open', 'processing', 'completed', 'failed', 'cancelled'];

/** Which tasks the list shows. */
export interface TaskFilter {
  owner: 'mine' | 'all';
  status: TaskStatus | '';
}

/** Props of {@link TaskFilters}. */
export interface TaskFiltersProps {
  filter: TaskFilter;
  onChange(filter: TaskFilter): void;
  /** False for a visitor who is not signed in: they have no tasks of their own. */
  canShowMine: boolean;
}

/**
 * The owner toggle (mine or all) and the status menu above the task list.
 *
 * @example
 * <TaskFilters filter={filter} onChange={setFilter} canShowMine={!!userRef} />
 */
export function TaskFilters({ filter, onChange, canShowMine }: TaskFiltersProps) {
  return (
    <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={filter.owner}
        aria-label="Whose tasks"
        onChange={(_, next) => onChange(next ? { ...filter, owner: next } : filter)}
      >
        <ToggleButton value="mine" disabled={!canShowMine}>
          Mine
        </ToggleButton>
        <ToggleButton value="all">All</ToggleButton>
      </ToggleButtonGroup>
      <TextField
        select
        size="small"
        label="Status"
        value={filter.status}
        sx={{ minWidth: 160 }}
        onChange={(event) => onChange({ ...filter, status: event.target.value as TaskStatus | '' })}
      >
        <MenuItem value="">Any status</MenuItem>
        {statuses.map((s) => (
          <MenuItem key={s} value={s}>
            {s}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
