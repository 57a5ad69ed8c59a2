import type { StepStatus, TaskEvent, TaskOutput, TaskSpecStep, TaskStatus } from '../api/scaffolder-types.js';

/** A step as the task page shows it. */
export interface StepState {
  id: string;
  name: string;
  status: 'pending' | StepStatus;
  startedAt?: string;
  endedAt?: string;
}

/** One log line. */
export interface LogLine {
  /** Unique per line: a multi-line message becomes several lines. */
  key: string;
  id: number;
  stepId?: string;
  message: string;
  createdAt: string;
}

/** How a run ended, from its `completion` event. */
export interface TaskCompletion {
  status: TaskStatus;
  output?: TaskOutput;
  error?: { name?: string; message?: string };
  at: string;
}

const stepStatuses = new Set(['processing', 'completed', 'failed', 'skipped', 'cancelled']);

function completionStatus(message: string | undefined, hasError: boolean): TaskStatus {
  const match = /status: (\w+)/.exec(message ?? '');
  const status = match?.[1];
  if (status === 'completed' || status === 'failed' || status === 'cancelled') return status;
  return hasError ? 'failed' : 'completed';
}

/**
 * The state of a task built from its events, mutated in place: a busy task sends
 * thousands of log events, and copying arrays per event would make that quadratic.
 * Readers re-render on a version counter instead.
 *
 * @example
 * const log = new TaskEventLog(task.spec.steps ?? []);
 * log.apply(event);
 */
export class TaskEventLog {
  readonly steps: StepState[];
  readonly lines: LogLine[] = [];
  readonly linesByStep = new Map<string, LogLine[]>();
  completion: TaskCompletion | undefined;
  isCancelRequested = false;
  lastEventId: number | undefined;

  constructor(steps: readonly TaskSpecStep[]) {
    this.steps = steps.map((step) => ({ id: step.id, name: step.name || step.action, status: 'pending' }));
  }

  /** Folds one event into the state. */
  apply(event: TaskEvent): void {
    this.lastEventId = event.id;
    const { body } = event;
    if (event.type === 'recovered') {
      // A retried task runs its steps again; the earlier log stays for reference.
      this.completion = undefined;
      this.isCancelRequested = false;
      for (const step of this.steps)
        Object.assign(step, { status: 'pending', startedAt: undefined, endedAt: undefined });
      this.addLine(event, body.message ?? 'The task was retried');
      return;
    }
    if (event.type === 'cancelled') {
      this.isCancelRequested = true;
      this.addLine(event, body.message ?? 'Cancellation requested');
      return;
    }
    if (event.type === 'completion') {
      this.completion = {
        status: completionStatus(body.message, body.error !== undefined),
        output: body.output,
        error: body.error,
        at: event.createdAt,
      };
      if (body.message) this.addLine(event, body.message);
      return;
    }
    this.addLine(event, body.message ?? '');
    const step = body.stepId ? this.steps.find((s) => s.id === body.stepId) : undefined;
    if (!step || typeof body.status !== 'string' || !stepStatuses.has(body.status)) return;
    step.status = body.status as StepStatus;
    if (step.status === 'processing') step.startedAt ??= event.createdAt;
    else step.endedAt = event.createdAt;
  }

  private addLine(event: TaskEvent, message: string): void {
    const stepId = event.body.stepId;
    // Fixed-height rows keep the log viewer's windowing exact, so each text line is a row.
    message.split(/\r?\n/).forEach((text, index) => {
      const line: LogLine = {
        key: `${event.id}.${index}`,
        id: event.id,
        stepId,
        message: text,
        createdAt: event.createdAt,
      };
      this.lines.push(line);
      if (!stepId) return;
      const list = this.linesByStep.get(stepId);
      if (list) list.push(line);
      else this.linesByStep.set(stepId, [line]);
    });
  }
}
