import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { JsonSchema } from '../actions/template-action.js';

/** Compiles and caches JSON Schemas (template pages, secrets, action inputs). */
export interface SchemaValidator {
  /** Validates `value`; answers ajv's errors, empty when valid. */
  validate(schema: JsonSchema, value: unknown): ErrorObject[];
}

// ajv-formats is CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (
  ajv: Ajv,
) => void;

const MAX_CACHED = 500;

/**
 * Creates a validator. `strict: false` because templates put rjsf hints (`ui:*`,
 * `backstage:*`) and Backstage's `when` beside JSON Schema keywords.
 */
export function createSchemaValidator(): SchemaValidator {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, verbose: true });
  addFormats(ajv);
  // Keyed by the schema's text: pages are rebuilt per request, and ajv keeps every
  // compiled schema object, so the oldest are dropped from both past a bound.
  const compiled = new Map<string, { schema: JsonSchema; validate: ValidateFunction }>();
  const get = (schema: JsonSchema) => {
    const key = JSON.stringify(schema);
    let entry = compiled.get(key);
    if (!entry) {
      entry = { schema, validate: ajv.compile(schema) };
      compiled.set(key, entry);
      if (compiled.size > MAX_CACHED) {
        const [oldestKey, oldest] = compiled.entries().next().value!;
        compiled.delete(oldestKey);
        ajv.removeSchema(oldest.schema);
      }
    }
    return entry.validate;
  };
  return {
    validate(schema, value) {
      const validate = get(schema);
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

function joinPath(root: string, instancePath: string): string {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return segments.reduce(
    (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : `${path}.${segment}`),
    root,
  );
}

/** One ajv error as a sentence naming the field, e.g. `input.url is required`. */
export function describeSchemaError(error: ErrorObject, root: string): string {
  const path = joinPath(root, error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${path}.${String(params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${path} has an unknown property '${String(params.additionalProperty)}'`;
    case 'enum':
      return `${path} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${path} ${error.message ?? 'is invalid'}`;
  }
}
