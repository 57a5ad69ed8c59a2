/** A primitive a predicate compares against (case-insensitively; numbers as strings). */
export type FilterPredicatePrimitive = string | number | boolean;

/** What a field path is matched against in a predicate. */
export type FilterPredicateValue =
  | FilterPredicatePrimitive
  | { $exists: boolean }
  | { $in: FilterPredicatePrimitive[] }
  | { $hasPrefix: string }
  | { $contains: AnyFilterPredicate };

/** Field expressions: dotted entity paths mapped to the values they must match. */
export type FilterPredicateExpression = { [path: string]: FilterPredicateValue };

/**
 * The predicate grammar of `POST /entities/by-query`, `POST /entity-facets` and the
 * `query` of `POST /entities/by-refs` (Backstage's filter predicates).
 *
 * @example
 * const query: FilterPredicate = { $all: [{ kind: 'Component' }, { 'spec.type': { $in: ['service', 'website'] } }] };
 */
export type FilterPredicate =
  | FilterPredicateExpression
  | { $all: FilterPredicate[] }
  | { $any: FilterPredicate[] }
  | { $not: FilterPredicate };

/** The operand of `$contains`: a predicate that may also be a primitive (array items). */
export type AnyFilterPredicate =
  | FilterPredicate
  | FilterPredicatePrimitive
  | { $all: AnyFilterPredicate[] }
  | { $any: AnyFilterPredicate[] }
  | { $not: AnyFilterPredicate };
