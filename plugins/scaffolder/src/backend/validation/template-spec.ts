import { pathToFileURL } from 'node:url';
import {
  ANNOTATION_MANAGED_BY_LOCATION,
  type Entity,
  parseLocationRef,
  TEMPLATE_API_VERSION,
} from '@atrium/catalog-model';
import type { JsonObject, JsonValue, TaskStepSpec } from '../../common/index.js';
import type { JsonSchema } from '../actions/template-action.js';
import type { ValidationErrorItem } from './validation-errors.js';

/** A template entity as the scaffolder reads it (shape checked by {@link templateProblems}). */
export interface TemplateDocument extends Entity {
  spec: {
    parameters?: JsonSchema | JsonSchema[];
    steps: Array<Record<string, unknown>>;
    output?: JsonObject;
    secrets?: { schema?: JsonSchema };
    presentation?: JsonObject;
    formDecorators?: JsonObject[];
    EXPERIMENTAL_formDecorators?: JsonObject[];
    EXPERIMENTAL_recovery?: { EXPERIMENTAL_strategy?: 'none' | 'startOver' };
    [key: string]: unknown;
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function problem(property: string, message: string, instance: unknown): ValidationErrorItem {
  return {
    path: [],
    property,
    message,
    schema: {},
    instance,
    name: 'template',
    argument: property,
    stack: `${property} ${message}`,
  };
}

function stepProblems(steps: unknown[]): ValidationErrorItem[] {
  const problems: ValidationErrorItem[] = [];
  const ids = new Set<string>();
  for (const [index, step] of steps.entries()) {
    const at = `template.spec.steps[${index}]`;
    if (!isObject(step)) {
      problems.push(problem(at, 'must be an object with an action', step));
      continue;
    }
    if (typeof step.action !== 'string' || !step.action)
      problems.push(
        problem(`${at}.action`, 'is required and must be an action id such as fetch:template', step.action),
      );
    const id = step.id === undefined ? `step-${index + 1}` : step.id;
    if (typeof id !== 'string' || !id)
      problems.push(problem(`${at}.id`, 'must be a non-empty string', step.id));
    else if (ids.has(id))
      problems.push(problem(`${at}.id`, `'${id}' is used by an earlier step; step ids must be unique`, id));
    else ids.add(id);
    if (step.input !== undefined && !isObject(step.input))
      problems.push(problem(`${at}.input`, 'must be an object', step.input));
    if (step.if !== undefined && typeof step.if !== 'string' && typeof step.if !== 'boolean')
      problems.push(problem(`${at}.if`, 'must be a string or a boolean', step.if));
  }
  return problems;
}

/** What is wrong with a posted or stored template, each naming the field; empty when usable. */
export function templateProblems(entity: unknown): ValidationErrorItem[] {
  if (!isObject(entity)) return [problem('template', 'must be a Template entity object', entity)];
  const problems: ValidationErrorItem[] = [];
  if (entity.apiVersion !== TEMPLATE_API_VERSION)
    problems.push(problem('template.apiVersion', `must be ${TEMPLATE_API_VERSION}`, entity.apiVersion));
  if (typeof entity.kind !== 'string' || entity.kind.toLowerCase() !== 'template')
    problems.push(problem('template.kind', 'must be Template', entity.kind));
  if (!isObject(entity.metadata) || typeof entity.metadata.name !== 'string')
    problems.push(problem('template.metadata.name', 'is required', undefined));
  const spec = entity.spec;
  if (!isObject(spec))
    return [...problems, problem('template.spec', 'is required and must be an object', spec)];
  if (!Array.isArray(spec.steps))
    problems.push(problem('template.spec.steps', 'is required and must be a list of steps', spec.steps));
  else problems.push(...stepProblems(spec.steps));
  const pages = spec.parameters;
  if (pages !== undefined && !isObject(pages) && !(Array.isArray(pages) && pages.every(isObject)))
    problems.push(problem('template.spec.parameters', 'must be an object or a list of objects', pages));
  if (spec.output !== undefined && !isObject(spec.output))
    problems.push(problem('template.spec.output', 'must be an object', spec.output));
  return problems;
}

/** The form pages of a template (one object or a list). */
export function pagesOf(template: TemplateDocument): JsonSchema[] {
  const parameters = template.spec.parameters;
  return parameters === undefined ? [] : [parameters].flat();
}

/** Steps with Backstage's defaults: id `step-<n>`, name = the action id. */
export function normalizeSteps(template: TemplateDocument): TaskStepSpec[] {
  return template.spec.steps.map((step, index) => {
    const id = typeof step.id === 'string' ? step.id : `step-${index + 1}`;
    const action = String(step.action);
    const normalized: TaskStepSpec = {
      ...(step as JsonObject),
      id,
      name: typeof step.name === 'string' ? step.name : action,
      action,
    } as TaskStepSpec;
    return normalized;
  });
}

/**
 * The URL of the template file itself, from its managed-by-location annotation: a task's
 * `templateInfo.baseUrl`, as in Backstage, where relative `url` inputs (and custom
 * actions) resolve against it and a `file:` base stands for `dirname` of its path.
 *
 * @example
 * templateBaseUrl(entity); // 'file:///srv/templates/node/template.yaml' for 'file:/srv/templates/node/template.yaml'
 */
export function templateBaseUrl(template: Entity): string | undefined {
  const location = template.metadata.annotations?.[ANNOTATION_MANAGED_BY_LOCATION];
  if (!location) return undefined;
  try {
    const { type, target } = parseLocationRef(location);
    if (type === 'file') return pathToFileURL(target).href;
    if (type === 'url') return new URL(target).href;
  } catch {
    // An unparsable annotation: the template simply has no base URL.
  }
  return undefined;
}

/** Deep-copies a value as JSON (drops undefined), for storing in a spec. */
export function asJson<T = JsonValue>(value: unknown): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}
