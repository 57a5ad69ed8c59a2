import { useApi } from '@atrium/web-kernel';
import { useEffect, useState } from 'react';
import type { TaskStepSpec } from '../../common/index.js';
import { scaffolderApiRef } from '../api/scaffolder-api.js';
import { TaskEventLog } from './task-event-log.js';

/** What {@link useTaskEvents} returns. */
export interface TaskEventsState {
  log: TaskEventLog;
  /** Changes whenever the log changed; use it as a render dependency. */
  version: number;
  transport: 'connecting' | 'sse' | 'poll';
  error: unknown;
}

// Many events can arrive within one frame; rendering once per batch keeps long logs smooth.
const flushIntervalMs = 100;

/**
 * Follows a task's events and folds them into a {@link TaskEventLog}. `generation` starts
 * a fresh subscription (after Retry, the server re-runs the task).
 *
 * @example
 * const { log, version } = useTaskEvents(task.id, task.spec.steps ?? [], 0);
 */
export function useTaskEvents(
  taskId: string,
  steps: readonly TaskStepSpec[] | undefined,
  generation: number,
): TaskEventsState {
  const scaffolder = useApi(scaffolderApiRef);
  const [state, setState] = useState<TaskEventsState>(() => ({
    log: new TaskEventLog(steps ?? []),
    version: 0,
    transport: 'connecting',
    error: undefined,
  }));
  // Steps compared by content: a refetched task gives an equal but new array.
  const stepsKey = steps ? JSON.stringify(steps) : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` restarts the subscription after Retry
  useEffect(() => {
    if (stepsKey === undefined) return;
    const log = new TaskEventLog(JSON.parse(stepsKey) as TaskStepSpec[]);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let version = 0;
    let transport: TaskEventsState['transport'] = 'connecting';
    let error: unknown;
    const flush = () => {
      timer = undefined;
      version += 1;
      setState({ log, version, transport, error });
    };
    const schedule = () => {
      timer ??= setTimeout(flush, flushIntervalMs);
    };
    flush();
    const stop = scaffolder.streamEvents(taskId, {
      onEvent: (event) => {
        log.apply(event);
        schedule();
      },
      onTransport: (next) => {
        transport = next;
        schedule();
      },
      onError: (next) => {
        error = next;
        schedule();
      },
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [scaffolder, taskId, stepsKey, generation]);
  return state;
}
