import type { SerializedTaskEvent, StepStatus, TaskStatus, TaskStepSpec } from '../../common/index.js';
import type { TaskOutput } from './task-output-types.js';

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

/** Why a run failed, from its `completion` event. */
interface CompletionError {
  name?: string;
  message?: string;
  isRetryable: boolean;
}

/** How a run ended, from its `completion` event. */
export interface TaskCompletion {
  status: TaskStatus;
  output?: TaskOutput;
  /** `isRetryable: false` when the server says running the task again cannot succeed. */
  error?: CompletionError;
  at: string;
}

const stepStatuses = new Set(['processing', 'completed', 'failed', 'skipped', 'cancelled']);

/** The fields of an event body the page reads (scaffolder.md §8), checked: bodies are open JSON. */
interface EventBody {
  message?: string;
  stepId?: string;
  status?: string;
  output?: TaskOutput;
  error?: CompletionError;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readBody(body: SerializedTaskEvent['body']): EventBody {
  const { output, error } = body;
  return {
    message: text(body.message),
    stepId: text(body.stepId),
    status: text(body.status),
    output: isObject(output) ? (output as TaskOutput) : undefined,
    error: isObject(error)
      ? { name: text(error.name), message: text(error.message), isRetryable: error.retryable !== false }
      : undefined,
  };
}

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

  constructor(steps: readonly TaskStepSpec[]) {
    this.steps = steps.map((step) => ({ id: step.id, name: step.name || step.action, status: 'pending' }));
  }

  /** Folds one event into the state. */
  apply(event: SerializedTaskEvent): void {
    this.lastEventId = event.id;
    const body = readBody(event.body);
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

  private addLine(event: SerializedTaskEvent, message: string): void {
    const stepId = text(event.body.stepId);
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
