import { InputError, isAtriumError } from '@atrium/errors';
import type { RenderedValue, Templater } from '@atrium/templating';
import type { JsonObject, JsonValue, TaskStepSpec } from '../../common/index.js';

/** How a step is named in messages: `step 'fetch' (Fetch skeleton)`. */
function describeStep(step: Pick<TaskStepSpec, 'id' | 'name'>): string {
  return step.name && step.name !== step.id ? `step '${step.id}' (${step.name})` : `step '${step.id}'`;
}

/**
 * Whether an error says that running the task again cannot succeed: an action marks such
 * a failure with `details.retryable: false` (publish:git finding the repository taken).
 */
export function isNotRetryable(error: unknown): boolean {
  return isAtriumError(error) && error.details?.retryable === false;
}

/** A step failed: the message names the step, then the field and reason. */
export class StepFailedError extends InputError {
  constructor(step: Pick<TaskStepSpec, 'id' | 'name'>, reason: string, cause?: unknown) {
    const label = describeStep(step);
    super(`${label.charAt(0).toUpperCase()}${label.slice(1)} failed: ${reason}`, {
      cause,
      details: { stepId: step.id, ...(isNotRetryable(cause) ? { retryable: false } : {}) },
    });
    this.name = 'StepFailedError';
  }
}

/** Backstage's truthiness for `if`: JavaScript truthiness, and an empty array is false. */
export function isTruthy(value: RenderedValue): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/**
 * Renders one field of a step strictly: an expression error fails the step with a
 * message naming the field (`input.values.name`, `if`, `each`) and the reason.
 */
export async function renderStepField(
  templater: Templater,
  step: TaskStepSpec,
  field: 'input' | 'if' | 'each',
  value: JsonValue,
  context: JsonObject,
  failed: boolean,
): Promise<RenderedValue> {
  try {
    const rendered = await templater.renderValue({ [field]: value }, context, { strict: true, failed });
    return (rendered as { [key: string]: RenderedValue } | undefined)?.[field];
  } catch (error) {
    throw new StepFailedError(step, (error as Error).message, error);
  }
}

/** Rendered strings of `input` that came from templates reading `secrets`: they are secret too. */
export function secretDerivedStrings(template: JsonValue | undefined, rendered: RenderedValue): string[] {
  if (typeof template === 'string') {
    if (!/secrets/.test(template)) return [];
    return collectStrings(rendered);
  }
  if (Array.isArray(template)) {
    return template.flatMap((item, index) =>
      secretDerivedStrings(item, Array.isArray(rendered) ? rendered[index] : undefined),
    );
  }
  if (template && typeof template === 'object') {
    const object = rendered && typeof rendered === 'object' && !Array.isArray(rendered) ? rendered : {};
    return Object.entries(template).flatMap(([key, item]) => secretDerivedStrings(item, object[key]));
  }
  return [];
}

function collectStrings(value: RenderedValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(collectStrings);
  return [];
}
