import type { JsonObject, JsonValue } from './config-reader.js';

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges config layers as Backstage does: objects deeply, scalars and arrays replaced. */
export function mergeConfig(base: JsonObject, override: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? mergeConfig(current, value) : value;
  }
  return out;
}

/** Sets a dotted path in a config object, creating parents; used for env overrides. */
export function setConfigPath(target: JsonObject, path: string[], value: JsonValue): void {
  let current = target;
  for (const part of path.slice(0, -1)) {
    const next = current[part];
    if (!isObject(next)) current[part] = {};
    current = current[part] as JsonObject;
  }
  const last = path[path.length - 1];
  if (last !== undefined) current[last] = value;
}
