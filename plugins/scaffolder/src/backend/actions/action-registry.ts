// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { AtriumError } from '@atrium/errors';
import type { JsonObject } from '../../common/index.js';
import { scaffolderErrorCodes } from '../../common/index.js';
import {
  createSchemaValidator,
  describeSchemaError,
  type SchemaValidator,
} from '../validation/schema-validator.js';
import type { JsonSchema, TemplateAction } from './template-action.js';

/** The actions a backend can run, with their input checks. */
export interface ActionRegistry {
  get(id: string): TemplateAction | undefined;
  /** Every action, sorted by id (the order of `/v2/actions`). */
  list(): TemplateAction[];
  /** Problems of a rendered input, each naming the field, e.g. `input.url is required`. */
  validateInput(action: TemplateAction, input: unknown): string[];
  /**
   * Problems visible before rendering: required inputs that are missing, and inputs
   * without any `${{ }}` expression that fail their property schema.
   */
  validateStaticInput(action: TemplateAction, input: JsonObject | undefined): string[];
}

const hasExpression = (value: unknown): boolean =>
  typeof value === 'string'
    ? /\$\{\{|\{%/.test(value)
    : Array.isArray(value)
      ? value.some(hasExpression)
      : value !== null && typeof value === 'object' && Object.values(value).some(hasExpression);

function staticProblems(validator: SchemaValidator, schema: JsonSchema, input: JsonObject): string[] {
  const problems: string[] = [];
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  for (const key of required) if (!(key in input)) problems.push(`input.${key} is required`);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, value] of Object.entries(input)) {
    const property = properties[key];
    if (!property) {
      if (schema.additionalProperties === false) problems.push(`input has an unknown property '${key}'`);
      continue;
    }
    if (hasExpression(value)) continue;
    try {
      problems.push(
        ...validator.validate(property, value).map((e) => describeSchemaError(e, `input.${key}`)),
      );
    } catch {
      // A property schema that refers to the root ($ref) cannot be compiled alone; the
      // full check after rendering still covers it.
    }
  }
  return problems;
}

/** Creates the registry; two actions with one id is a startup error naming it. */
export function createActionRegistry(actions: readonly TemplateAction[]): ActionRegistry {
  const byId = new Map<string, TemplateAction>();
  for (const action of actions) {
    if (byId.has(action.id)) {
      throw new AtriumError(
        scaffolderErrorCodes.SCAFFOLDER_DUPLICATE_ACTION,
        `scaffolder action '${action.id}' is registered twice; each action id must be unique (a module may be installed twice)`,
      );
    }
    byId.set(action.id, action);
  }
  const validator = createSchemaValidator();
  const sorted = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  return {
    get: (id) => byId.get(id),
    list: () => sorted,
    validateInput(action, input) {
      const schema = action.schema?.input;
      if (!schema) return [];
      return validator.validate(schema, input).map((e) => describeSchemaError(e, 'input'));
    },
    validateStaticInput(action, input) {
      const schema = action.schema?.input;
      if (!schema) return [];
      return staticProblems(validator, schema, input ?? {});
    },
  };
}
