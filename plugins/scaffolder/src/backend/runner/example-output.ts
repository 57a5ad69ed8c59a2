import type { JsonObject, JsonValue } from '../../common/index.js';
import type { JsonSchema } from '../actions/template-action.js';

function exampleOf(schema: JsonSchema | undefined, depth: number): JsonValue {
  if (!schema || depth > 5) return null;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0] as JsonValue;
  if (schema.default !== undefined) return schema.default as JsonValue;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return 'example';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, exampleOf(value, depth + 1)]),
      );
    }
    default:
      return null;
  }
}

/**
 * A stand-in output for a step a dry run skips, built from the action's output schema, so
 * later steps and the template output still have something to render.
 */
export function exampleOutput(schema: JsonSchema | undefined): JsonObject {
  const value = exampleOf(schema, 0);
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
