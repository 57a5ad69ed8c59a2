import type { Templater } from '@atrium/templating';
import type { JsonValue, TaskSpec, TaskStepSpec } from '../../common/index.js';
import type { ActionRegistry } from '../actions/action-registry.js';
import { StepFailedError } from './step-render.js';

function templatedStrings(
  value: JsonValue | undefined,
  path: string,
): Array<{ path: string; template: string }> {
  if (typeof value === 'string') return /\$\{\{|\{%|\{#/.test(value) ? [{ path, template: value }] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => templatedStrings(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => templatedStrings(item, `${path}.${key}`));
  }
  return [];
}

async function syntaxProblems(templater: Templater, step: TaskStepSpec): Promise<string[]> {
  const fields = [
    ...templatedStrings(step.input ?? {}, 'input'),
    ...templatedStrings(typeof step.if === 'string' ? step.if : undefined, 'if'),
    ...templatedStrings(step.each, 'each'),
  ];
  const problems: string[] = [];
  for (const field of fields) {
    // Parsing without rendering: callsStatusFunctions compiles the template and throws on
    // a syntax error, with no context (values are unknown before the steps run).
    await templater.callsStatusFunctions(field.template).catch((error: Error) => {
      problems.push(`${field.path} has an invalid expression: ${error.message}`);
    });
  }
  return problems;
}

/**
 * Checks every step before the first one runs, so a template with an unknown action,
 * a missing or invalid static input or an expression that does not parse fails before
 * any side effect. Answers one error per broken step.
 */
export async function prevalidateSteps(
  spec: TaskSpec,
  actions: ActionRegistry,
  templater: Templater,
): Promise<StepFailedError[]> {
  const errors: StepFailedError[] = [];
  for (const step of spec.steps) {
    const action = actions.get(step.action);
    const problems: string[] = [];
    if (!action) {
      problems.push(
        `action '${step.action}' is not installed on this backend (see GET /api/scaffolder/v2/actions)`,
      );
    } else {
      problems.push(
        ...actions.validateStaticInput(action, step.input).map((p) => `${p} (action '${action.id}')`),
      );
    }
    problems.push(...(await syntaxProblems(templater, step)));
    if (problems.length > 0) errors.push(new StepFailedError(step, problems.join('; ')));
  }
  return errors;
}
