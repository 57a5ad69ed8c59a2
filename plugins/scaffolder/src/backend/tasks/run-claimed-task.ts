import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuthService, Credentials } from '@atrium/kernel';
import type { JsonObject, TaskSpec } from '../../common/index.js';
import type { TemplateSource } from '../files/template-source.js';
import {
  type ActionAuthorizer,
  type CheckpointStore,
  RunAbortedError,
  type RunnerDeps,
  type RunResult,
} from '../runner/run-types.js';
import { runWorkflow } from '../runner/run-workflow.js';
import type { EventNotifier } from '../store/event-notifier.js';
import type { TaskEventStore } from '../store/event-store.js';
import type { SecretsCipher } from '../store/secrets-cipher.js';
import type { ClaimedTask, TaskLease, TaskStore } from '../store/task-store.js';
import { credentialsOf, parseInitiator } from './initiator.js';
import type { CancelRegistry } from './task-queue-source.js';
import { watchLease } from './watch-lease.js';

/** What running a claimed task needs. */
export interface TaskRunDeps {
  runner: RunnerDeps;
  store: TaskStore;
  events: TaskEventStore;
  notifier: EventNotifier;
  cipher: SecretsCipher;
  auth: AuthService;
  source: TemplateSource;
  workerId: string;
  workingDirectory: string;
  /** Cancellations the work queue's heartbeat reports, by task id. */
  cancels: CancelRegistry;
  authorizeActionFor(credentials: Credentials): ActionAuthorizer;
}

function completionBody(result: RunResult): JsonObject {
  const message = `Run completed with status: ${result.status}`;
  if (result.status === 'completed') return { message, output: result.output };
  if (result.status === 'failed') return { message, error: result.error };
  return { message };
}

function checkpointStore(deps: TaskRunDeps, lease: TaskLease, stored: string | null): CheckpointStore {
  const state = (stored ? JSON.parse(stored) : {}) as { checkpoints?: JsonObject };
  const checkpoints = (state.checkpoints ?? {}) as Record<string, JsonObject>;
  return {
    get: (key) => checkpoints[key] as ReturnType<CheckpointStore['get']>,
    async set(key, entry) {
      checkpoints[key] = entry as JsonObject;
      await deps.store.saveState(lease, { checkpoints });
    },
  };
}

async function secretsFor(deps: TaskRunDeps, claimed: ClaimedTask, credentials: Credentials) {
  const secrets = claimed.row.secrets ? deps.cipher.decrypt(claimed.row.secrets) : {};
  if (credentials.principal.type === 'user' && secrets.backstageToken === undefined) {
    const { token } = await deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'catalog',
    });
    secrets.backstageToken = token;
  }
  return secrets;
}

/**
 * Runs a claimed task in a fresh workspace folder while the work queue holds its lease,
 * then stores the completion (unless the lease was lost) and removes the workspace.
 * Returns the run's status, or undefined when the lease was lost.
 */
export async function runClaimedTask(
  deps: TaskRunDeps,
  claimed: ClaimedTask,
  signal: AbortSignal,
): Promise<RunResult['status'] | undefined> {
  const taskId = claimed.row.id;
  const lease: TaskLease = { taskId, workerId: deps.workerId, attempt: claimed.attempt };
  const controller = new AbortController();
  const watcher = watchLease({ deps, lease, controller, signal });
  let workspacePath: string | undefined;
  let result: RunResult;
  try {
    await mkdir(deps.workingDirectory, { recursive: true });
    workspacePath = await mkdtemp(join(deps.workingDirectory, `${taskId}-`));
    const credentials = credentialsOf(parseInitiator(claimed.row.initiator), deps.auth);
    result = await runWorkflow(deps.runner, {
      taskId,
      spec: JSON.parse(claimed.row.spec) as TaskSpec,
      secrets: await secretsFor(deps, claimed, credentials),
      isDryRun: false,
      workspacePath,
      signal: controller.signal,
      sink: async (body) => void (await deps.events.append(taskId, 'log', body as JsonObject)),
      source: deps.source,
      authorizeAction: deps.authorizeActionFor(credentials),
      getInitiatorCredentials: async () => credentials,
      checkpoints: checkpointStore(deps, lease, claimed.row.state),
    });
  } catch (error) {
    // Setting up the run failed (workspace, secrets): the task fails with the reason.
    result = { status: 'failed', error: { name: (error as Error).name, message: (error as Error).message } };
  } finally {
    watcher.stop();
    if (workspacePath) await rm(workspacePath, { recursive: true, force: true });
  }
  const reason = controller.signal.reason;
  if (reason instanceof RunAbortedError && reason.kind === 'lease-lost') return undefined;
  await deps.store.complete(lease, result.status, completionBody(result));
  return result.status;
}
