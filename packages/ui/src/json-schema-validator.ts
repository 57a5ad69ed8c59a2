import { type OutputUnit, type Schema, Validator } from '@cfworker/json-schema';
import {
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  ROOT_SCHEMA_PREFIX,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
  withIdRefPrefix,
} from '@rjsf/utils';
// rjsf's own error post-processing (titles, error schema, custom validation); it imports
// only @rjsf/utils, so ajv stays out of the browser bundle.
import processRawValidationErrors from '@rjsf/validator-ajv8/lib/processRawValidationErrors.js';
import type { ErrorObject } from 'ajv';

type FormData = Record<string, unknown>;

// Errors that only say "a child failed": the child's own error is reported as well.
const WRAPPERS = new Set([
  'properties',
  'items',
  'prefixItems',
  'additionalItems',
  '$ref',
  '$recursiveRef',
  'allOf',
  'if',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'dependentSchemas',
  'propertyNames',
]);

/** One validator error in ajv's shape, which rjsf's error processing reads. */
function toAjvError(unit: OutputUnit): ErrorObject[] {
  if (WRAPPERS.has(unit.keyword)) return [];
  const base = {
    instancePath: decodeURI(unit.instanceLocation.slice(1)),
    schemaPath: unit.keywordLocation,
    keyword: unit.keyword,
  };
  if (unit.keyword === 'required') {
    const missingProperty = /required property "(.*)"\.$/.exec(unit.error)?.[1] ?? '';
    return [
      { ...base, params: { missingProperty }, message: `must have required property '${missingProperty}'` },
    ];
  }
  const message = unit.keyword === 'false' ? 'is not allowed' : unit.error.replace(/\.$/, '');
  return [{ ...base, params: {}, message }];
}

/**
 * An rjsf validator that never evaluates generated code. ajv compiles every schema with
 * `new Function`, which the app's Content-Security-Policy (script-src 'self', no
 * 'unsafe-eval') refuses; template parameter schemas come from catalog files, so ajv's
 * code generation would also run on untrusted input. @cfworker/json-schema interprets
 * the schema instead (JSON Schema draft 7, as ajv's default).
 *
 * @example
 * <Form schema={schema} validator={createJsonSchemaValidator()} />
 */
export function createJsonSchemaValidator(): ValidatorType<FormData, RJSFSchema> {
  // The library marks the schemas it reads (non-enumerable, unwritable keys resolved
  // against one base), so each use gets its own copy, made once per schema object.
  const full = new WeakMap<object, Validator>();
  const checkers = new WeakMap<object, { root: object; validator: Validator }>();

  const validator: ValidatorType<FormData, RJSFSchema> = {
    rawValidation<Result>(schema: RJSFSchema, formData?: FormData) {
      try {
        let all = full.get(schema);
        if (!all) {
          all = new Validator(structuredClone(schema) as Schema, '7', false);
          full.set(schema, all);
        }
        return { errors: all.validate(formData).errors.flatMap(toAjvError) as Result[] };
      } catch (error) {
        return { validationError: error as Error };
      }
    },
    validateFormData(
      formData: FormData | undefined,
      schema: RJSFSchema,
      customValidate?: CustomValidator<FormData, RJSFSchema>,
      transformErrors?: ErrorTransformer<FormData, RJSFSchema>,
      uiSchema?: UiSchema<FormData, RJSFSchema>,
    ): ValidationData<FormData> {
      const raw = validator.rawValidation<ErrorObject>(schema, formData);
      return processRawValidationErrors(
        validator,
        raw,
        formData,
        schema,
        customValidate,
        transformErrors,
        uiSchema,
      );
    },
    isValid(schema: RJSFSchema, formData: FormData | undefined, rootSchema: RJSFSchema) {
      try {
        let checker = checkers.get(schema);
        if (!checker || checker.root !== rootSchema) {
          // rjsf checks sub-schemas (oneOf options, say) whose $refs point into the root.
          const prefixed = new Validator(structuredClone(withIdRefPrefix(schema)) as Schema, '7');
          prefixed.addSchema(structuredClone(rootSchema) as Schema, ROOT_SCHEMA_PREFIX);
          checker = { root: rootSchema, validator: prefixed };
          checkers.set(schema, checker);
        }
        return checker.validator.validate(formData).valid;
      } catch {
        return false;
      }
    },
  };
  return validator;
}
