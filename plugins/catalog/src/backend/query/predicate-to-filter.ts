import { InputError } from '@atrium/errors';
import type { EntityFilter } from './entity-filter.js';
import { checkFilterSize, checkPredicate } from './filter-limits.js';

type Json = unknown;
const LOGICAL = ['$all', '$any', '$not'];

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPrimitive = (value: Json): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
const lower = (value: string | number | boolean) => String(value).toLowerCase();
const show = (value: Json) => JSON.stringify(value);

function logical(
  value: Record<string, Json>,
  path: string,
  inner: (p: Json, path: string) => EntityFilter,
): EntityFilter | undefined {
  const operator = Object.keys(value).find((key) => LOGICAL.includes(key));
  if (!operator) return undefined;
  if (Object.keys(value).length !== 1) {
    throw new InputError(
      `Invalid filter predicate at ${path}: ${operator} must be the only key of its object`,
    );
  }
  const operand = value[operator];
  if (operator === '$not') return { not: inner(operand, `${path}.$not`) };
  if (!Array.isArray(operand))
    throw new InputError(`Invalid filter predicate at ${path}: ${operator} expects an array`);
  const parts = operand.map((item, index) => inner(item, `${path}.${operator}[${index}]`));
  return operator === '$all' ? { allOf: parts } : { anyOf: parts };
}

function containsFilter(key: string, operand: Json, path: string): EntityFilter {
  if (isPrimitive(operand)) return { key, values: [lower(operand)] };
  if (!isObject(operand))
    throw new InputError(`Invalid filter predicate at ${path}: $contains expects a value or a predicate`);
  const combined = logical(operand, path, (item, itemPath) => containsFilter(key, item, itemPath));
  if (combined) return combined;
  // Relations are indexed as relations.<type> = <targetRef>, not as objects.
  if (key === 'relations' && isPrimitive(operand.type) && isPrimitive(operand.targetRef)) {
    return { key: `relations.${lower(operand.type)}`, values: [lower(operand.targetRef)] };
  }
  const parts = Object.entries(operand).map(([field, value]) =>
    fieldFilter(`${key}.${field}`, value, `${path}.${field}`),
  );
  return parts.length === 1 ? (parts[0] as EntityFilter) : { allOf: parts };
}

function fieldFilter(rawKey: string, value: Json, path: string): EntityFilter {
  const key = rawKey.toLowerCase();
  if (isPrimitive(value)) return { key, values: [lower(value)] };
  if (!isObject(value) || Object.keys(value).length !== 1) {
    throw new InputError(
      `Invalid filter predicate value for field "${rawKey}": expected a primitive value, $exists, $in, $hasPrefix or $contains, but got ${show(value)}`,
    );
  }
  const [operator, operand] = Object.entries(value)[0] as [string, Json];
  if (operator === '$exists' && typeof operand === 'boolean') return operand ? { key } : { not: { key } };
  if (operator === '$in' && Array.isArray(operand) && operand.every(isPrimitive))
    return { key, values: operand.map(lower) };
  if (operator === '$hasPrefix' && typeof operand === 'string') return { key, prefix: operand.toLowerCase() };
  if (operator === '$contains') return containsFilter(key, operand, `${path}.$contains`);
  throw new InputError(
    `Invalid filter predicate value for field "${rawKey}": unsupported operator ${operator} with ${show(operand)}`,
  );
}

function toFilter(predicate: Json, path: string): EntityFilter {
  if (!isObject(predicate)) {
    throw new InputError(
      `Invalid filter predicate at ${path}: expected an object such as { "kind": "Component" }, got ${show(predicate)}`,
    );
  }
  const combined = logical(predicate, path, toFilter);
  if (combined) return combined;
  const unknown = Object.keys(predicate).find((key) => key.startsWith('$'));
  if (unknown) throw new InputError(`Invalid filter predicate at ${path}: unknown operator ${unknown}`);
  const parts = Object.entries(predicate).map(([key, value]) => fieldFilter(key, value, `${path}.${key}`));
  return parts.length === 1 ? (parts[0] as EntityFilter) : { allOf: parts };
}

/**
 * Translates a filter predicate (`$all`, `$any`, `$not`, field expressions with
 * equality, `$exists`, `$in`, `$hasPrefix`, `$contains`) into an entity filter. Throws an
 * `InputError` naming the path of the first malformed part, or the limit a predicate
 * goes over (`maxPredicateDepth`, `maxFilterValues`).
 *
 * @example
 * predicateToFilter({ $all: [{ kind: 'Component' }, { 'spec.type': { $in: ['service', 'website'] } }] });
 */
export function predicateToFilter(predicate: Json, path = 'query'): EntityFilter {
  checkPredicate(predicate, path);
  return checkFilterSize(toFilter(predicate, path));
}
