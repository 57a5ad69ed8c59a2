import type { JsonObject, JsonValue } from '../../common/index.js';

/** A JSON Schema page split into the schema proper and rjsf's uiSchema. */
export interface SplitSchema {
  schema: JsonObject;
  uiSchema: JsonObject;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function mergeUi(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isObject(existing) && isObject(value)) mergeUi(existing, value);
    else target[key] = value;
  }
}

const combinators = new Set(['oneOf', 'anyOf', 'allOf']);

/**
 * Moves the `ui:*` hints that templates write inline on each property into a separate
 * uiSchema, as rjsf expects, following `properties`, `items`, `dependencies`,
 * `oneOf`/`anyOf`/`allOf` and `if`/`then`/`else`. Properties behind a
 * `backstage:featureFlag` are dropped: Atrium has no front-end feature flags switched on.
 *
 * @example
 * splitUiSchema({ properties: { name: { type: 'string', 'ui:autofocus': true } } });
 * // { schema: { properties: { name: { type: 'string' } } }, uiSchema: { name: { 'ui:autofocus': true } } }
 */
export function splitUiSchema(node: JsonObject): SplitSchema {
  const schema: JsonObject = {};
  const uiSchema: JsonObject = {};
  const dropped = new Set<string>();
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('ui:')) {
      uiSchema[key] = value;
    } else if (key === 'properties' && isObject(value)) {
      const properties: JsonObject = {};
      for (const [name, property] of Object.entries(value)) {
        if (isObject(property) && property['backstage:featureFlag'] !== undefined) {
          dropped.add(name);
          continue;
        }
        const split = isObject(property) ? splitUiSchema(property) : { schema: property, uiSchema: {} };
        properties[name] = split.schema as JsonValue;
        if (Object.keys(split.uiSchema).length > 0) uiSchema[name] = split.uiSchema;
      }
      schema.properties = properties;
    } else if (key === 'items' && isObject(value)) {
      const split = splitUiSchema(value);
      schema.items = split.schema;
      if (Object.keys(split.uiSchema).length > 0) uiSchema.items = split.uiSchema;
    } else if (key === 'dependencies' && isObject(value)) {
      const dependencies: JsonObject = {};
      for (const [name, dependency] of Object.entries(value)) {
        if (!isObject(dependency)) {
          dependencies[name] = dependency;
          continue;
        }
        const split = splitUiSchema(dependency);
        dependencies[name] = split.schema;
        mergeUi(uiSchema, split.uiSchema);
      }
      schema.dependencies = dependencies;
    } else if (combinators.has(key) && Array.isArray(value)) {
      schema[key] = value.map((branch) => {
        if (!isObject(branch)) return branch;
        const split = splitUiSchema(branch);
        mergeUi(uiSchema, split.uiSchema);
        return split.schema;
      });
    } else if ((key === 'then' || key === 'else') && isObject(value)) {
      const split = splitUiSchema(value);
      schema[key] = split.schema;
      mergeUi(uiSchema, split.uiSchema);
    } else {
      schema[key] = value;
    }
  }
  if (dropped.size > 0 && Array.isArray(schema.required)) {
    schema.required = schema.required.filter((name) => typeof name !== 'string' || !dropped.has(name));
  }
  return { schema, uiSchema };
}
