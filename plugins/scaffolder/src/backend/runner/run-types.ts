import { AtriumError } from '@atrium/errors';
import type { Credentials, LoggerService } from '@atrium/kernel';
import { type JsonObject, type JsonValue, scaffolderErrorCodes, type TaskSpec } from '../../common/index.js';
import type { ActionRegistry } from '../actions/action-registry.js';
import type { TemplateSource } from '../files/template-source.js';
import type { TemplaterPool } from '../templating/templater-pool.js';
import type { LogSink } from './task-log.js';

/** Why a run was stopped from outside. */
export type AbortKind = 'cancelled' | 'shutdown' | 'lease-lost';

/** The reason given to a run's abort signal. */
export class RunAbortedError extends AtriumError {
  readonly kind: AbortKind;
  constructor(kind: AbortKind, message: string) {
    super(scaffolderErrorCodes.SCAFFOLDER_RUN_ABORTED, message, { details: { kind } });
    this.name = 'RunAbortedError';
    this.kind = kind;
  }
}

/** Checks `scaffolder.action.execute` for one action run (conditions see id and input). */
export type ActionAuthorizer = (actionId: string, input: JsonObject) => Promise<boolean>;

/** What every run shares: set up once by the plugin. */
export interface RunnerDeps {
  actions: ActionRegistry;
  templaters: TemplaterPool;
  logger: LoggerService;
  environment: { parameters: JsonObject; secrets: Record<string, string> };
}

/** Checkpoint results kept with the task, so a retry skips sub-steps that succeeded. */
export interface CheckpointStore {
  get(key: string): { status: 'success' | 'failed'; value?: JsonValue; reason?: string } | undefined;
  set(
    key: string,
    entry: { status: 'success' | 'failed'; value?: JsonValue; reason?: string },
  ): Promise<void>;
}

/** One run of a task spec (a task attempt or a dry run). */
export interface RunRequest {
  taskId: string;
  spec: TaskSpec;
  secrets: Record<string, string>;
  isDryRun: boolean;
  /** Created by the caller and removed by it afterwards (a dry run reads it first). */
  workspacePath: string;
  signal: AbortSignal;
  sink: LogSink;
  source: TemplateSource;
  authorizeAction: ActionAuthorizer;
  getInitiatorCredentials(): Promise<Credentials>;
  checkpoints: CheckpointStore;
}

/** How a run ended. */
export type RunResult =
  | { status: 'completed'; output: JsonObject }
  | { status: 'failed'; error: { name: string; message: string; retryable?: false } }
  | { status: 'cancelled' };
