import { InputError } from '@atrium/errors';
import type { StoredJson } from '../database/stored-json.js';
import { paramList, type QueryParam } from './parse-filter-params.js';

type JsonObject = Record<string, unknown>;

/** Parsed `fields`: dotted paths to keep, or undefined for whole entities. */
export type EntityFields = string[][] | undefined;

/**
 * Parses `fields` (comma lists, repeatable). Bracket syntax is refused: arrays cannot be
 * projected into.
 *
 * @example
 * parseFieldsParam('kind,metadata.name'); // [['kind'], ['metadata', 'name']]
 */
export function parseFieldsParam(param: QueryParam | readonly string[]): EntityFields {
  const list = (Array.isArray(param) ? param : paramList(param as QueryParam))
    .flatMap((value: string) => value.split(','))
    .map((value: string) => value.trim())
    .filter(Boolean);
  if (list.length === 0) return undefined;
  for (const field of list) {
    if (field.includes('[')) {
      throw new InputError(`Invalid field "${field}", array type fields are not supported`);
    }
  }
  return list.map((field: string) => field.split('.'));
}

function copyPath(source: JsonObject, target: JsonObject, parts: string[], start: number): boolean {
  // Segments may contain dots themselves (annotation keys): try the longest key first.
  for (let end = parts.length; end > start; end--) {
    const key = parts.slice(start, end).join('.');
    if (!Object.hasOwn(source, key)) continue;
    const value = source[key];
    if (end === parts.length) {
      target[key] = value;
      return true;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const next = (target[key] ?? {}) as JsonObject;
    if (!copyPath(value as JsonObject, next, parts, end)) continue;
    target[key] = next;
    return true;
  }
  return false;
}

/**
 * Keeps only the given paths of an entity (creating parents as needed; missing paths are
 * simply absent).
 *
 * @example
 * projectFields(entity, [['metadata', 'annotations', 'backstage.io/view-url']]);
 */
export function projectFields(entity: JsonObject, fields: string[][]): JsonObject {
  const out: JsonObject = {};
  for (const parts of fields) copyPath(entity, out, parts, 0);
  return out;
}

/** A served entity's JSON, projected when fields are given (otherwise passed through as is). */
export function projectJson(json: StoredJson, fields: EntityFields): StoredJson {
  if (!fields) return json;
  return JSON.stringify(projectFields(JSON.parse(json) as JsonObject, fields));
}
