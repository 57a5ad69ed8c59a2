import { AtriumError } from '@atrium/errors';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { catalogModelErrorCodes } from './catalog-model-error-codes.js';
import type { JsonSchema } from './define-kind.js';

/** Compiles kind schemas with one ajv instance; errors name the owner of the schema. */
export type SchemaCompiler = {
  /** Throws `AtriumError` [CATALOG_MODEL_INVALID_KIND_SCHEMA] when the schema breaks the draft-07 meta-schema. */
  assertValidSchema(schema: JsonSchema, owner: string): void;
  /** Compiles a schema; throws `AtriumError` [CATALOG_MODEL_INVALID_KIND_SCHEMA] when ajv cannot. */
  compile(schema: JsonSchema, owner: string): ValidateFunction;
};

type FormatsPlugin = (ajv: Ajv) => Ajv;

// ajv-formats is CommonJS: Node hands over `module.exports`, bundlers may hand over `.default`.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as unknown as FormatsPlugin;

/**
 * Creates an ajv (draft-07) compiler that reports every error with its data and schema,
 * which readable messages need. Unknown keywords are tolerated: plugin schemas often
 * carry annotations such as `ui:options`.
 *
 * @example
 * const validate = createSchemaCompiler().compile({ type: 'object' }, "kind 'Widget'");
 */
export function createSchemaCompiler(): SchemaCompiler {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
  addFormats(ajv);
  return {
    assertValidSchema(schema, owner) {
      if (ajv.validateSchema(schema)) return;
      const reason = ajv.errorsText(ajv.errors, { dataVar: 'schema' });
      throw new AtriumError(
        catalogModelErrorCodes.CATALOG_MODEL_INVALID_KIND_SCHEMA,
        `the schema of ${owner} is not valid JSON Schema: ${reason}`,
      );
    },
    compile(schema, owner) {
      try {
        return ajv.compile(schema);
      } catch (error) {
        throw new AtriumError(
          catalogModelErrorCodes.CATALOG_MODEL_INVALID_KIND_SCHEMA,
          `the schema of ${owner} could not be compiled: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
  };
}
