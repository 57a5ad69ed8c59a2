import type { JsonSchema } from './define-kind.js';

/** Schema of a non-empty string field. */
export const nonEmptyStringSchema: JsonSchema = { type: 'string', minLength: 1 };

/** Schema of an array of non-empty strings (e.g. a list of entity refs). */
export const nonEmptyStringArraySchema: JsonSchema = { type: 'array', items: nonEmptyStringSchema };

/** Schema of the optional `profile` block of Group and User entities. */
export const profileSchema: JsonSchema = {
  type: 'object',
  properties: {
    displayName: nonEmptyStringSchema,
    email: nonEmptyStringSchema,
    picture: nonEmptyStringSchema,
  },
};

/** Schema of a `spec` object with the given required and optional fields. */
export function specSchema(required: readonly string[], properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', required: [...required], properties };
}
