import { InputError } from '@atrium/errors';
import { CATALOG_LIMITS, overLimit } from '../../common/catalog-limits.js';
import { type EntityFilter, isFilterLeaf } from './entity-filter.js';

const NUL = '\u0000';

/**
 * Checks a filter predicate before anything recurses into it: nesting within
 * `maxPredicateDepth` and no NUL character in a key or value. Walks with its own stack,
 * so a predicate nested 100,000 deep is refused rather than overflowing the stack.
 *
 * @example
 * checkPredicate(body.query, 'query');
 */
export function checkPredicate(predicate: unknown, path: string): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: predicate, depth: 1 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth } = item;
    if (typeof value === 'string' && value.includes(NUL))
      throw new InputError(
        `Invalid filter predicate at ${path}: a value contains the NUL character (U+0000)`,
      );
    if (typeof value !== 'object' || value === null) continue;
    if (depth > CATALOG_LIMITS.maxPredicateDepth)
      throw new InputError(
        `Invalid filter predicate at ${path}: ${overLimit('nested too deep', 'maxPredicateDepth')}`,
      );
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes(NUL))
        throw new InputError(
          `Invalid filter predicate at ${path}: a key contains the NUL character (U+0000)`,
        );
      stack.push({ value: inner, depth: depth + 1 });
    }
  }
}

function countValues(filter: EntityFilter): number {
  if (isFilterLeaf(filter)) return Math.max(1, filter.values?.length ?? 0);
  if ('not' in filter) return countValues(filter.not);
  const parts = 'allOf' in filter ? filter.allOf : filter.anyOf;
  return parts.reduce((sum, part) => sum + countValues(part), 0);
}

/**
 * Refuses a caller's filter with more values and conditions than `maxFilterValues`: each
 * one is a parameter of the SQL statement, and a statement has a bounded number of them.
 * Returns the filter.
 */
export function checkFilterSize<T extends EntityFilter | undefined>(filter: T): T {
  const count = filter ? countValues(filter) : 0;
  if (count > CATALOG_LIMITS.maxFilterValues)
    throw new InputError(`Invalid filter: ${overLimit(`${count} values and conditions`, 'maxFilterValues')}`);
  return filter;
}
