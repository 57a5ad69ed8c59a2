import type { JsonObject } from '../../common/index.js';
import { prevalidateSteps } from './prevalidate.js';
import { createRedactor } from './redactor.js';
import { renderOutput } from './render-output.js';
import type { RunEnv, RunState } from './run-env.js';
import { runStep } from './run-step.js';
import { RunAbortedError, type RunnerDeps, type RunRequest, type RunResult } from './run-types.js';
import { isNotRetryable } from './step-render.js';
import { createTaskLog } from './task-log.js';

function initialState(run: RunRequest, deps: RunnerDeps): RunState {
  return {
    context: {
      parameters: run.spec.parameters,
      steps: {},
      user: run.spec.user as JsonObject,
      context: { task: { id: run.taskId } },
      environment: { parameters: deps.environment.parameters },
    },
    failed: false,
  };
}

async function runSteps(env: RunEnv): Promise<RunResult> {
  const { run, log, redactor } = env;
  await log.log(`Starting up task with ${run.spec.steps.length} steps`);
  const invalid = await prevalidateSteps(run.spec, env.deps.actions, env.templater);
  if (invalid.length > 0) {
    for (const error of invalid) {
      await log.log(error.message, { stepId: String(error.details?.stepId), status: 'failed' });
    }
    const message =
      invalid.length === 1
        ? invalid[0]!.message
        : `${invalid.length} steps are invalid: ${invalid.map((e) => e.message).join('; ')}`;
    return { status: 'failed', error: { name: 'InputError', message: redactor.redact(message) } };
  }
  const state = initialState(run, env.deps);
  for (const step of run.spec.steps) {
    if (run.signal.aborted) throw run.signal.reason;
    await runStep(env, step, state);
  }
  if (state.failed && state.firstError) {
    const { name, message } = state.firstError;
    // The UI offers Retry only when a second run could succeed.
    const retryable = isNotRetryable(state.firstError) ? { retryable: false as const } : {};
    return { status: 'failed', error: { name, message: redactor.redact(message), ...retryable } };
  }
  const output = await renderOutput(env.templater, run.spec.output ?? {}, state.context);
  return { status: 'completed', output: redactor.redactValue(output) };
}

/**
 * Runs a task spec in its workspace: checks every step first, then runs the steps in
 * order (see runStep), then renders the output. Every log line and the output pass the
 * redactor, which knows the task's secrets and any input derived from them.
 */
export async function runWorkflow(deps: RunnerDeps, run: RunRequest): Promise<RunResult> {
  const redactor = createRedactor([
    ...Object.values(run.secrets),
    ...Object.values(deps.environment.secrets),
  ]);
  const log = createTaskLog(run.sink, redactor, deps.logger);
  const env: RunEnv = { deps, run, log, redactor, templater: deps.templaters.get() };
  try {
    return await runSteps(env);
  } catch (error) {
    if (error instanceof RunAbortedError) {
      if (error.kind === 'cancelled') return { status: 'cancelled' };
      return { status: 'failed', error: { name: 'TaskInterruptedError', message: error.message } };
    }
    const message = redactor.redact((error as Error)?.message ?? String(error));
    await log.log(`The task failed unexpectedly: ${message}`).catch(() => undefined);
    return { status: 'failed', error: { name: (error as Error)?.name ?? 'Error', message } };
  } finally {
    await log.flush();
  }
}
