import {
  CATALOG_FILTER_EXISTS,
  type EntityFilterQuery,
  type EntityFilterValue,
} from '@atrium/catalog/common';

/**
 * A catalog filter as templates write it (`ui:options.catalogFilter`, Backstage's syntax):
 * one object or a list of them (ORed); `{ exists: true }` asks only that a field exist.
 */
export type CatalogFilter = Record<string, string | string[] | { exists: true } | boolean | number>;

function toValue(value: CatalogFilter[string]): EntityFilterValue {
  if (typeof value === 'object' && !Array.isArray(value)) return CATALOG_FILTER_EXISTS;
  return Array.isArray(value) ? value.map(String) : String(value);
}

/**
 * Turns a template's catalog filter into the catalog client's filter query.
 *
 * @example
 * toEntityFilterQuery({ kind: ['Group', 'User'], 'spec.profile.email': { exists: true } });
 * // { kind: ['Group', 'User'], 'spec.profile.email': CATALOG_FILTER_EXISTS }
 */
export function toEntityFilterQuery(filter: CatalogFilter | CatalogFilter[] | undefined): EntityFilterQuery {
  const sets = filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
  return sets.map((set) =>
    Object.fromEntries(Object.entries(set).map(([key, value]) => [key, toValue(value)])),
  );
}
