import CheckCircle from '@mui/icons-material/CheckCircle';
import DoNotDisturbOn from '@mui/icons-material/DoNotDisturbOn';
import ErrorOutline from '@mui/icons-material/Error';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import SkipNext from '@mui/icons-material/SkipNext';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import type { ReactNode } from 'react';
import { formatDuration } from './format-duration.js';
import type { StepState } from './task-event-log.js';

/** Props of {@link StepList}. */
export interface StepListProps {
  steps: readonly StepState[];
  /** The step whose log is shown; `undefined` for all steps. */
  selected: string | undefined;
  onSelect: (stepId: string | undefined) => void;
  now: number;
}

const icons: Record<StepState['status'], ReactNode> = {
  pending: <RadioButtonUnchecked fontSize="small" color="disabled" />,
  processing: <CircularProgress size={18} aria-hidden />,
  completed: <CheckCircle fontSize="small" color="success" />,
  failed: <ErrorOutline fontSize="small" color="error" />,
  skipped: <SkipNext fontSize="small" color="disabled" />,
  cancelled: <DoNotDisturbOn fontSize="small" color="warning" />,
};

const statusText: Record<StepState['status'], string> = {
  pending: 'Pending',
  processing: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
};

function duration(step: StepState, now: number): string | undefined {
  if (!step.startedAt) return undefined;
  const end = step.endedAt ? Date.parse(step.endedAt) : now;
  return formatDuration(end - Date.parse(step.startedAt));
}

/** The task's steps with their status and duration; choosing one shows its log. */
export function StepList({ steps, selected, onSelect, now }: StepListProps) {
  return (
    <List dense aria-label="Steps" disablePadding>
      <ListItemButton selected={selected === undefined} onClick={() => onSelect(undefined)}>
        <ListItemText primary="All steps" />
      </ListItemButton>
      {steps.map((step) => {
        const time = duration(step, now);
        return (
          <ListItemButton
            key={step.id}
            selected={selected === step.id}
            onClick={() => onSelect(step.id)}
            data-step-status={step.status}
            aria-label={`${step.name}: ${statusText[step.status]}`}
          >
            <ListItemIcon sx={{ minWidth: 32 }}>{icons[step.status]}</ListItemIcon>
            <ListItemText
              primary={step.name}
              secondary={time ? `${statusText[step.status]} · ${time}` : statusText[step.status]}
            />
          </ListItemButton>
        );
      })}
    </List>
  );
}
