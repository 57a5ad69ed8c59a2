import type { TaskStepSpec } from '../../common/index.js';
import type { TemplateAction } from '../actions/template-action.js';
import { createStepContextFactory, type StepContextFactory } from './action-context.js';
import { exampleOutput } from './example-output.js';
import { type RunEnv, type RunState, stepContext } from './run-env.js';
import { RunAbortedError } from './run-types.js';
import { planIterations } from './step-iterations.js';
import { isTruthy, renderStepField, StepFailedError } from './step-render.js';

type Outcome = 'completed' | 'skipped';

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted)
    throw signal.reason instanceof RunAbortedError
      ? signal.reason
      : new RunAbortedError('cancelled', 'cancelled');
}

async function skip(env: RunEnv, step: TaskStepSpec, message: string): Promise<Outcome> {
  await env.log.log(message, { stepId: step.id, status: 'skipped' });
  return 'skipped';
}

async function execute(
  env: RunEnv,
  step: TaskStepSpec,
  state: RunState,
  factory: StepContextFactory,
): Promise<Outcome> {
  const action = env.deps.actions.get(step.action) as TemplateAction;
  if (step.if === false)
    return skip(env, step, `Skipping step ${step.id} because its if condition was false`);
  if (typeof step.if === 'string' && step.each === undefined) {
    const value = await renderStepField(
      env.templater,
      step,
      'if',
      step.if,
      stepContext(env, state),
      state.failed,
    );
    if (!isTruthy(value))
      return skip(env, step, `Skipping step ${step.id} because its if condition was false`);
  }
  if (env.run.isDryRun && !action.supportsDryRun) {
    state.context.steps[step.id] = { output: exampleOutput(action.schema?.output) };
    return skip(env, step, `Skipping because ${action.id} does not support dry-run`);
  }
  const iterations = await planIterations(env, step, state, action);
  for (const iteration of iterations) {
    throwIfAborted(env.run.signal);
    if (iteration.each) {
      const verb = iteration.shouldRun ? 'Running' : 'Skipping';
      await env.log.log(
        `${verb} step each: ${JSON.stringify(iteration.each, (k, v) => (k ? String(v) : v))}`,
        { stepId: step.id },
      );
      if (!iteration.shouldRun) continue;
    }
    await action.handler(factory.create(iteration.input));
  }
  throwIfAborted(env.run.signal);
  return 'completed';
}

async function runsAfterFailure(env: RunEnv, step: TaskStepSpec): Promise<boolean> {
  return (
    typeof step.if === 'string' && (await env.templater.callsStatusFunctions(step.if).catch(() => false))
  );
}

/**
 * Runs one step: its `if`, `each`, input checks and action, logging `processing` then
 * `completed`, `skipped`, `failed` or `cancelled`. A failure is recorded in `state` (later
 * steps skip unless their `if` calls always()/failure()); an abort is rethrown.
 */
export async function runStep(env: RunEnv, step: TaskStepSpec, state: RunState): Promise<void> {
  if (state.failed && !(await runsAfterFailure(env, step))) {
    await skip(env, step, `Skipping step ${step.id} because an earlier step failed`);
    return;
  }
  await env.log.log(`Beginning step ${step.name}`, { stepId: step.id, status: 'processing' });
  const factory = createStepContextFactory(env.run, step, env.log, step.each !== undefined);
  try {
    const outcome = await execute(env, step, state, factory);
    await env.log.flush();
    if (outcome === 'completed') {
      state.context.steps[step.id] = { output: factory.output };
      await env.log.log(`Finished step ${step.name}`, { stepId: step.id, status: 'completed' });
    }
  } catch (error) {
    await env.log.flush();
    if (env.run.signal.aborted) {
      const reason = env.run.signal.reason as RunAbortedError;
      if (reason?.kind === 'cancelled')
        await env.log.log(`Step ${step.id} has been cancelled.`, { stepId: step.id, status: 'cancelled' });
      else
        await env.log.log(`Step ${step.id} was interrupted: ${reason?.message}`, {
          stepId: step.id,
          status: 'failed',
        });
      throw reason instanceof RunAbortedError ? reason : new RunAbortedError('cancelled', 'cancelled');
    }
    const failure =
      error instanceof StepFailedError
        ? error
        : new StepFailedError(step, (error as Error)?.message ?? String(error), error);
    state.failed = true;
    state.firstError ??= failure;
    await env.log.log(failure.message, { stepId: step.id, status: 'failed' });
  } finally {
    await factory.cleanup();
  }
}
