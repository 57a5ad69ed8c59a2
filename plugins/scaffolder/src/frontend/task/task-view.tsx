import { parseEntityRef } from '@atrium/catalog-model';
import { ErrorPanel } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { SerializedTask, TaskStatus } from '../../common/index.js';
import { scaffolderApiRef } from '../api/scaffolder-api.js';
import { type ScaffolderRoutes, useScaffolderContext } from '../scaffolder-context.js';
import { formatDuration } from './format-duration.js';
import { LogViewer } from './log-viewer.js';
import { StepList } from './step-list.js';
import { TaskOutputPanel } from './task-output.js';
import { TaskStatusChip } from './task-status-chip.js';
import { useTaskEvents } from './use-task-events.js';

/** Props of {@link TaskView}. */
export interface TaskViewProps {
  task: SerializedTask;
  /** Called after cancel or retry so the page can reload the task. */
  onChanged: () => void;
}

function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [isTicking]);
  return now;
}

// The form of the template a task ran, to start a new run with other values.
function templateFormPath(task: SerializedTask, routes: ScaffolderRoutes): string | undefined {
  try {
    const { namespace, name } = parseEntityRef(task.spec.templateInfo?.entityRef ?? '');
    return routes.template(namespace, name);
  } catch {
    return undefined;
  }
}

/** The live part of the task page: status, elapsed time, steps, logs, output, cancel and retry. */
export function TaskView({ task, onChanged }: TaskViewProps) {
  const scaffolder = useApi(scaffolderApiRef);
  const { routes } = useScaffolderContext();
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<string | undefined>();
  const [actionError, setActionError] = useState<unknown>();
  const [isBusy, setBusy] = useState(false);
  const { log, version, transport, error } = useTaskEvents(task.id, task.spec.steps ?? [], generation);
  const status: TaskStatus = log.completion?.status ?? (generation > 0 ? 'open' : task.status);
  const isFinished = log.completion !== undefined || ['completed', 'failed', 'cancelled'].includes(status);
  const now = useNow(!isFinished);
  const endedAt = log.completion
    ? Date.parse(log.completion.at)
    : isFinished
      ? Date.parse(task.lastHeartbeatAt ?? task.createdAt)
      : now;
  const elapsed = formatDuration(endedAt - Date.parse(task.createdAt));

  const act = async (action: () => Promise<unknown>, restart: boolean) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      if (restart) setGeneration((g) => g + 1);
      onChanged();
    } catch (failure) {
      setActionError(failure);
    } finally {
      setBusy(false);
    }
  };

  const isRetryable = log.completion?.error?.isRetryable !== false;
  const startOver = templateFormPath(task, routes);
  const selectedStep = log.steps.find((step) => step.id === selected);
  const lines = selected ? (log.linesByStep.get(selected) ?? []) : log.lines;
  return (
    <Box>
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}
        role="status"
        aria-live="polite"
      >
        <TaskStatusChip status={status} />
        <Typography variant="body2" color="text.secondary">
          Elapsed <span data-testid="task-elapsed">{elapsed}</span>
        </Typography>
        {!isFinished && (
          <Typography variant="caption" color="text.secondary">
            {transport === 'connecting' ? 'Connecting…' : transport === 'sse' ? 'Live' : 'Live (polling)'}
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {!isFinished && (
          <Button
            color="warning"
            variant="outlined"
            disabled={isBusy || log.isCancelRequested}
            onClick={() => act(() => scaffolder.cancelTask({ params: { taskId: task.id } }), false)}
          >
            {log.isCancelRequested ? 'Cancelling…' : 'Cancel'}
          </Button>
        )}
        {isFinished && status !== 'completed' && isRetryable && (
          <Button
            variant="contained"
            disabled={isBusy}
            onClick={() => act(() => scaffolder.retryTask({ params: { taskId: task.id } }), true)}
          >
            Retry
          </Button>
        )}
        {isFinished && !isRetryable && startOver && (
          <Button variant="contained" component={RouterLink} to={startOver}>
            Start over
          </Button>
        )}
      </Stack>
      {actionError !== undefined && <ErrorPanel error={actionError} />}
      {error !== undefined && <ErrorPanel error={error} title="Lost the connection to the task's log" />}
      {log.completion?.status === 'failed' && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {log.completion.error?.message ?? 'The task failed.'}
          {!isRetryable && (
            <Box component="p" sx={{ m: 0, mt: 1 }}>
              Running the task again would fail the same way: start over from the template's form.
            </Box>
          )}
        </Alert>
      )}
      {log.completion?.output && <TaskOutputPanel output={log.completion.output} />}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '280px 1fr' }, gap: 2 }}>
        <Paper variant="outlined" component="nav" aria-label="Task steps">
          <StepList steps={log.steps} selected={selected} onSelect={setSelected} now={now} />
        </Paper>
        <Box component="section" aria-label="Logs" sx={{ minWidth: 0 }}>
          <LogViewer
            lines={lines}
            version={version}
            label={selectedStep ? `Log of ${selectedStep.name}` : 'Log of all steps'}
          />
        </Box>
      </Box>
    </Box>
  );
}
