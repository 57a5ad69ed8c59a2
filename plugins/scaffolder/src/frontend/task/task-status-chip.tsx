import Chip from '@mui/material/Chip';
import type { TaskStatus } from '../../common/index.js';

const colors: Record<TaskStatus, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  open: 'default',
  processing: 'info',
  completed: 'success',
  failed: 'error',
  cancelled: 'warning',
};

const labels: Record<TaskStatus, string> = {
  open: 'Waiting',
  processing: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A task's status as a coloured chip. */
export function TaskStatusChip({ status }: { status: TaskStatus }) {
  return (
    <Chip
      size="small"
      label={labels[status] ?? status}
      color={colors[status] ?? 'default'}
      variant="outlined"
    />
  );
}
