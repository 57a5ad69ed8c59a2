import type { PermissionCondition, PermissionCriteria } from './permission-types.js';

function isCondition(criteria: PermissionCriteria<PermissionCondition>): criteria is PermissionCondition {
  return typeof (criteria as PermissionCondition).rule === 'string';
}

/**
 * Walks a criteria tree, mapping each condition with `leaf` and combining with the
 * given operators; used both to test one resource and to build a query filter.
 *
 * @example
 * const allowed = mapCriteria(conditions, (c) => rules[c.rule].apply(entity, c.params ?? {}), {
 *   allOf: (xs) => xs.every(Boolean), anyOf: (xs) => xs.some(Boolean), not: (x) => !x,
 * });
 */
export function mapCriteria<T>(
  criteria: PermissionCriteria<PermissionCondition>,
  leaf: (condition: PermissionCondition) => T,
  combine: { allOf(items: T[]): T; anyOf(items: T[]): T; not(item: T): T },
): T {
  if (isCondition(criteria)) return leaf(criteria);
  if ('allOf' in criteria) return combine.allOf(criteria.allOf.map((c) => mapCriteria(c, leaf, combine)));
  if ('anyOf' in criteria) return combine.anyOf(criteria.anyOf.map((c) => mapCriteria(c, leaf, combine)));
  return combine.not(mapCriteria(criteria.not, leaf, combine));
}
