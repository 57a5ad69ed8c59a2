/** A condition on one indexed key: equality with any of `values`, a prefix, or mere existence. */
export interface EntityFilterLeaf {
  /** Lowercased dotted key, e.g. `spec.type`, `relations.ownedby`. */
  key: string;
  /** Lowercased values; an empty list matches nothing. */
  values?: string[];
  /** Lowercased prefix of the value. */
  prefix?: string;
}

/** A filter over entities: leaves combined with all/any/not, as the search index answers it. */
export type EntityFilter =
  | { allOf: EntityFilter[] }
  | { anyOf: EntityFilter[] }
  | { not: EntityFilter }
  | EntityFilterLeaf;

/** Type guard for leaves. */
export function isFilterLeaf(filter: EntityFilter): filter is EntityFilterLeaf {
  return 'key' in filter;
}

/** Matches nothing (an empty OR). */
export const MATCH_NOTHING: EntityFilter = { anyOf: [] };

/**
 * Drops double negations (a policy's "deny what is not owned" inside a not gives
 * NOT(NOT(owned))), flattens nested all/any, and merges an any-of of plain equality leaves on one key
 * (`kind=user` or `kind=group`) into a single leaf with both values, which the index
 * answers with one range scan.
 *
 * @example
 * normalizeFilter({ anyOf: [{ key: 'kind', values: ['user'] }, { key: 'kind', values: ['group'] }] });
 * // { key: 'kind', values: ['user', 'group'] }
 */
export function normalizeFilter(filter: EntityFilter): EntityFilter {
  if (isFilterLeaf(filter)) return filter;
  if ('not' in filter) {
    const inner = normalizeFilter(filter.not);
    return !isFilterLeaf(inner) && 'not' in inner ? inner.not : { not: inner };
  }
  const isAll = 'allOf' in filter;
  const parts = (isAll ? filter.allOf : filter.anyOf).map(normalizeFilter);
  const flat: EntityFilter[] = [];
  for (const part of parts) {
    if (isAll && 'allOf' in part) flat.push(...part.allOf);
    else if (!isAll && 'anyOf' in part) flat.push(...part.anyOf);
    else flat.push(part);
  }
  if (flat.length === 1) return flat[0] as EntityFilter;
  if (!isAll && flat.length > 1 && flat.every((p) => isFilterLeaf(p) && p.values && !p.prefix)) {
    const keys = new Set(flat.map((p) => (p as EntityFilterLeaf).key));
    if (keys.size === 1) {
      const values = [...new Set(flat.flatMap((p) => (p as EntityFilterLeaf).values ?? []))];
      return { key: (flat[0] as EntityFilterLeaf).key, values };
    }
  }
  return isAll ? { allOf: flat } : { anyOf: flat };
}

/** Both filters (either may be absent). */
export function andFilters(...filters: Array<EntityFilter | undefined>): EntityFilter | undefined {
  const present = filters.filter((f): f is EntityFilter => f !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : { allOf: present };
}
