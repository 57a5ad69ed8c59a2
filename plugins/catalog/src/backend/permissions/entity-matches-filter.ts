import type { Entity } from '@atrium/catalog-model';
import { type EntityFilter, isFilterLeaf } from '../query/entity-filter.js';
import { buildSearchRows, NULL_VALUE } from '../stitching/build-search-rows.js';

type IndexedValues = Map<string, string[]>;

function matches(index: IndexedValues, filter: EntityFilter): boolean {
  if (isFilterLeaf(filter)) {
    const values = index.get(filter.key);
    if (!values) return false;
    const { prefix } = filter;
    if (prefix !== undefined) return values.some((value) => value !== NULL_VALUE && value.startsWith(prefix));
    if (filter.values) return values.some((value) => filter.values?.includes(value));
    return true;
  }
  if ('not' in filter) return !matches(index, filter.not);
  if ('allOf' in filter) return filter.allOf.every((part) => matches(index, part));
  return filter.anyOf.some((part) => matches(index, part));
}

/**
 * Whether an entity matches a filter exactly as the database would answer it once the
 * entity is stored: the filter is evaluated over the entity's own search-index rows
 * (`buildSearchRows`), so a rule's `toQuery` is its only definition and entities that
 * are not stored (dry runs, analysis) are judged like stored ones. An entity the index
 * could not hold (keys differing only in case) matches nothing.
 *
 * @example
 * entityMatchesFilter(entity, { key: 'relations.ownedby', values: ['group:default/team-a'] });
 */
export function entityMatchesFilter(entity: Entity, filter: EntityFilter): boolean {
  let rows: ReturnType<typeof buildSearchRows>;
  try {
    rows = buildSearchRows(0, entity);
  } catch {
    return false;
  }
  const index: IndexedValues = new Map();
  for (const row of rows) {
    const values = index.get(row.key);
    if (values) values.push(row.value);
    else index.set(row.key, [row.value]);
  }
  return matches(index, filter);
}
