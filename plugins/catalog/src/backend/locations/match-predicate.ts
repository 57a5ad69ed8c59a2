import { InputError } from '@atrium/errors';

type Json = unknown;
const lower = (value: Json) => String(value).toLowerCase();
const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function matchesValue(actual: Json, expected: Json): boolean {
  if (!isObject(expected)) return actual !== undefined && lower(actual) === lower(expected);
  if ('$exists' in expected) return (actual !== undefined) === Boolean(expected.$exists);
  if ('$in' in expected && Array.isArray(expected.$in))
    return actual !== undefined && expected.$in.some((v) => lower(v) === lower(actual));
  if ('$hasPrefix' in expected)
    return typeof actual === 'string' && actual.toLowerCase().startsWith(lower(expected.$hasPrefix));
  throw new InputError(`unsupported predicate operator in ${JSON.stringify(expected)}`);
}

/**
 * Evaluates a filter predicate against a flat object (a location: id, type, target,
 * entityRef), case-insensitively, for `POST /locations/by-query`.
 *
 * @example
 * matchesPredicate({ type: 'url', target: 'https://x' }, { type: 'URL' }); // true
 */
export function matchesPredicate(item: Record<string, Json>, predicate: Json): boolean {
  if (!isObject(predicate)) throw new InputError('query must be a filter predicate object');
  if (Array.isArray(predicate.$all)) return predicate.$all.every((p) => matchesPredicate(item, p));
  if (Array.isArray(predicate.$any)) return predicate.$any.some((p) => matchesPredicate(item, p));
  if ('$not' in predicate) return !matchesPredicate(item, predicate.$not);
  return Object.entries(predicate).every(([key, value]) => matchesValue(item[key], value));
}
