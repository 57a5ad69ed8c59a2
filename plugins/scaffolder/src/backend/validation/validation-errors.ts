import type { ErrorObject } from 'ajv';
import type { ValidationErrorItem } from '../../common/index.js';
import type { JsonSchema } from '../actions/template-action.js';
import type { SchemaValidator } from './schema-validator.js';

export type { ValidationErrorItem };

function segments(instancePath: string): Array<string | number> {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function propertyOf(root: string, path: Array<string | number>): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${part}`),
    root,
  );
}

function messageOf(error: ErrorObject): { message: string; argument: unknown } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { message: `requires property "${String(p.missingProperty)}"`, argument: p.missingProperty };
    case 'type':
      return { message: `is not of a type(s) ${String(p.type)}`, argument: [p.type] };
    case 'enum':
      return {
        message: `is not one of enum values: ${(p.allowedValues as unknown[]).join(',')}`,
        argument: p.allowedValues,
      };
    case 'pattern':
      return { message: `does not match pattern ${JSON.stringify(p.pattern)}`, argument: p.pattern };
    case 'format':
      return { message: `does not conform to the ${JSON.stringify(p.format)} format`, argument: p.format };
    case 'minLength':
    case 'maxLength':
      return {
        message: `does not meet ${error.keyword === 'minLength' ? 'minimum' : 'maximum'} length of ${String(p.limit)}`,
        argument: p.limit,
      };
    default:
      return { message: error.message ?? 'is invalid', argument: Object.values(p)[0] };
  }
}

/** Converts ajv errors into Backstage's ValidationError items, rooted at `root` (`instance`, `secrets`). */
export function toValidationErrors(errors: ErrorObject[], root: string): ValidationErrorItem[] {
  return errors.map((error) => {
    const path = segments(error.instancePath);
    const property = propertyOf(root, path);
    const { message: text, argument } = messageOf(error);
    // Secrets have no form to point at: say which one is missing in the message itself.
    const message =
      root === 'secrets' && error.keyword === 'required'
        ? `${property}.${String(argument)} is required`
        : text;
    return {
      path,
      property,
      message,
      schema: error.parentSchema ?? error.schema,
      instance: error.data,
      name: error.keyword,
      argument,
      stack: root === 'secrets' && error.keyword === 'required' ? message : `${property} ${message}`,
    };
  });
}

/** A copy of a schema without rjsf's `ui:*` hints, which are not validation keywords. */
function withoutUiKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUiKeys) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('ui:'))
      .map(([key, item]) => [key, withoutUiKeys(item)]),
  ) as T;
}

/** Validates form values against every page of a template. */
export function validateValues(
  validator: SchemaValidator,
  pages: readonly JsonSchema[],
  values: unknown,
): ValidationErrorItem[] {
  return pages.flatMap((page) => {
    const { when: _when, ...schema } = withoutUiKeys(page);
    return toValidationErrors(validator.validate({ type: 'object', ...schema }, values), 'instance');
  });
}
