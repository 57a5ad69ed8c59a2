import { sql } from '@atrium/kernel';
import type { SqlReader } from '../database/sql-reader.js';
import { NULL_VALUE } from '../stitching/build-search-rows.js';
import type { EntityFilter } from './entity-filter.js';
import { type EntityQuerySpec, fullTextCondition } from './entity-query-sql.js';
import { allConditions, filterCondition, splitKind } from './filter-sql.js';

/** Value counts of one facet, sorted by value. */
export type FacetValues = Array<{ value: string; count: number }>;

/** A text filter on facet counts, and every kind in the catalog (for the text's index lookup). */
export interface FacetTextFilter {
  fullText: NonNullable<EntityQuerySpec['fullText']>;
  kinds: readonly string[];
}

/**
 * Counts the values of one facet key over the entities the filter (and the text, when
 * given) selects, in original casing, sorted by value. A filter requiring one kind reads
 * a single range of the search index; other conditions are checked per row.
 *
 * @example
 * await facetValues(reader, 'spec.type', { key: 'kind', values: ['component'] }); // [{ value: 'service', count: 12 }, ...]
 */
export async function facetValues(
  reader: SqlReader,
  facet: string,
  filter: EntityFilter | undefined,
  text?: FacetTextFilter,
): Promise<FacetValues> {
  const { kind, rest } = splitKind(filter);
  const where = allConditions([
    sql`s.key = ${facet.toLowerCase()}`,
    ...(kind ? [sql`s.kind = ${kind}`] : []),
    sql`s.value <> ${NULL_VALUE}`,
    ...rest.map((part) => filterCondition(part, { id: 's.entity_id', mode: 'probe', kindColumn: 's.kind' })),
    ...(text ? fullTextCondition(text, 's.entity_id', kind ? [kind] : text.kinds) : []),
  ]);
  const rows = await reader.all(
    sql<{
      value: string;
      original_value: string | null;
      n: number;
    }>`SELECT s.value, s.original_value, count(*) AS n FROM search s WHERE ${where} GROUP BY s.value, s.original_value`,
  );
  return rows
    .map((row) => ({ value: row.original_value ?? row.value, count: Number(row.n) }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
