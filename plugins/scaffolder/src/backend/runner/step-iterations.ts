import type { JsonObject, JsonValue, TaskStepSpec } from '../../common/index.js';
import type { TemplateAction } from '../actions/template-action.js';
import { type RunEnv, type RunState, stepContext } from './run-env.js';
import { isTruthy, renderStepField, StepFailedError, secretDerivedStrings } from './step-render.js';

/** One planned run of an action: once per step, or once per `each` item. */
export interface Iteration {
  each?: { key: string; value: JsonValue };
  shouldRun: boolean;
  input: JsonObject;
}

async function resolveEach(
  env: RunEnv,
  step: TaskStepSpec,
  state: RunState,
): Promise<Array<[string, JsonValue]>> {
  const value = await renderStepField(
    env.templater,
    step,
    'each',
    step.each ?? null,
    stepContext(env, state),
    state.failed,
  );
  if (value === null || typeof value !== 'object') {
    throw new StepFailedError(
      step,
      `each must resolve to an array or an object, but ${JSON.stringify(step.each)} resolved to ${JSON.stringify(value ?? null)}`,
    );
  }
  return Object.entries(value as JsonObject);
}

/**
 * Renders the `if` (per item inside `each`) and the input of every iteration before any
 * runs, then validates each input against the action's schema and checks
 * `scaffolder.action.execute`, so a bad item fails the step before its first side effect.
 */
export async function planIterations(
  env: RunEnv,
  step: TaskStepSpec,
  state: RunState,
  action: TemplateAction,
): Promise<Iteration[]> {
  const items: Array<{ each?: { key: string; value: JsonValue } }> =
    step.each === undefined
      ? [{}]
      : (await resolveEach(env, step, state)).map(([key, value]) => ({ each: { key, value } }));
  const iterations: Iteration[] = [];
  for (const item of items) {
    const context = stepContext(env, state, item.each ? { each: item.each } : {});
    const shouldRun =
      !item.each ||
      typeof step.if !== 'string' ||
      isTruthy(await renderStepField(env.templater, step, 'if', step.if, context, state.failed));
    const rendered = await renderStepField(
      env.templater,
      step,
      'input',
      step.input ?? {},
      context,
      state.failed,
    );
    env.redactor.add(secretDerivedStrings(step.input, rendered));
    const input = (rendered ?? {}) as JsonObject;
    iterations.push({ ...item, shouldRun, input });
  }
  for (const iteration of iterations.filter((i) => i.shouldRun)) {
    const where = iteration.each ? ` (each item ${JSON.stringify(iteration.each.key)})` : '';
    const problems = env.deps.actions.validateInput(action, iteration.input);
    if (problems.length > 0) {
      throw new StepFailedError(
        step,
        `the input of action '${action.id}'${where} is invalid: ${problems.join('; ')}`,
      );
    }
    if (!(await env.run.authorizeAction(action.id, iteration.input))) {
      throw new StepFailedError(
        step,
        `running action '${action.id}'${where} is not allowed (permission scaffolder.action.execute)`,
      );
    }
  }
  return iterations;
}
