import { z } from 'zod';
import type { JsonObject, JsonValue } from './config-reader.js';
import { describeConfigIssues } from './describe-config-issues.js';

/** The outcome of validating one config subtree against its owner's schema. */
export type ConfigValidation<T = unknown> = { ok: true; value: T } | { ok: false; problems: string[] };

function lookup(data: JsonObject, key: string): JsonValue | undefined {
  let current: JsonValue | undefined = data;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[part];
  }
  return current;
}

/**
 * Validates the subtree at `key` with a zod schema. Each problem names the leaf key, the
 * owner, what was expected and what was found, e.g. `config 'backend.listen.port' (the
 * kernel): expected a number, got "abc"`. Values the schema marks secret are never shown.
 */
export function validateConfigSubtree<T>(
  schema: z.ZodType<T>,
  data: JsonObject,
  key: string,
  owner: string,
): ConfigValidation<T> {
  const value = lookup(data, key);
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: describeConfigIssues(result.error.issues, { key, owner, value, schema }) };
}

/** Visibility of a config value, as in Backstage: set with `.meta({ visibility })` on a schema. */
export type ConfigVisibility = 'backend' | 'frontend' | 'secret';

type JsonSchema = {
  visibility?: ConfigVisibility;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};

function pick(
  schema: JsonSchema | undefined,
  value: JsonValue | undefined,
  want: ConfigVisibility,
): JsonValue | undefined {
  if (value === undefined || !schema) return undefined;
  if (schema.visibility === want) return value;
  if (schema.properties && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const out: JsonObject = {};
    for (const [name, sub] of Object.entries(schema.properties)) {
      const picked = pick(sub, value[name], want);
      if (picked !== undefined) out[name] = picked;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return undefined;
}

/**
 * Picks the values of a subtree whose schema marks them with the given visibility, e.g.
 * what may be shipped to the browser.
 */
export function selectConfigByVisibility(
  schema: z.ZodType,
  value: JsonValue | undefined,
  visibility: ConfigVisibility,
): JsonValue | undefined {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  return pick(json, value, visibility);
}
