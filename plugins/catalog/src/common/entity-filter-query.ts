/** Marks a filter key that only has to exist on the entity, whatever its value. */
export const CATALOG_FILTER_EXISTS: unique symbol = Symbol.for('atrium.catalog.filterExists');

/** One condition's value: equal to a string, to any of several, or just present. */
export type EntityFilterValue = string | readonly string[] | typeof CATALOG_FILTER_EXISTS;

/**
 * A set of conditions that must all hold, keyed by dotted path
 * (`kind`, `spec.type`, `relations.ownedBy`, `metadata.tags`); a list value means any of them.
 */
export type EntityFilterSet = Readonly<Record<string, EntityFilterValue>>;

/** One filter set, or several of which any may match (Backstage's `EntityFilterQuery`). */
export type EntityFilterQuery = EntityFilterSet | readonly EntityFilterSet[];

function serializeSet(set: EntityFilterSet): string | undefined {
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(set)) {
    if (value === CATALOG_FILTER_EXISTS) conditions.push(key);
    else if (typeof value === 'string') conditions.push(`${key}=${value}`);
    // Repeating a key inside one set ORs its values on the server (catalog contract §10.2).
    else for (const item of value) conditions.push(`${key}=${item}`);
  }
  return conditions.length > 0 ? conditions.join(',') : undefined;
}

/**
 * Turns a filter into the values of the repeatable `filter` query parameter: one string
 * per set, conditions joined by commas. Empty sets and empty value lists are dropped,
 * since they constrain nothing.
 *
 * @example
 * toFilterParams({ kind: ['component', 'api'], 'spec.lifecycle': 'production' });
 * // ['kind=component,kind=api,spec.lifecycle=production']
 */
export function toFilterParams(query: EntityFilterQuery | undefined): string[] {
  if (!query) return [];
  const sets: readonly EntityFilterSet[] = Array.isArray(query) ? query : [query as EntityFilterSet];
  return sets.flatMap((set) => {
    const withoutEmptyLists = Object.fromEntries(
      Object.entries(set).filter(([, value]) => !(Array.isArray(value) && value.length === 0)),
    );
    const serialized = serializeSet(withoutEmptyLists);
    return serialized === undefined ? [] : [serialized];
  });
}
