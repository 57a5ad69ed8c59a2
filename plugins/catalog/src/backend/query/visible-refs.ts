import { sql } from '@atrium/kernel';
import { chunked, listOf } from '../database/sql-client.js';
import type { SqlReader } from '../database/sql-reader.js';
import type { EntityReadFilter } from '../permissions/entity-read-filter.js';
import { normalizeFilter } from './entity-filter.js';
import { filterCondition, TRUE_CONDITION } from './filter-sql.js';

/**
 * Which of the given (canonical) refs name a served entity that the read filter lets
 * through: for answers tied to entities other than by returning them (existence,
 * ancestry, the locations behind Location entities).
 *
 * @example
 * const visible = await visibleRefs(reader, ['component:default/web'], await entityReadFilter(permissions, credentials));
 */
export async function visibleRefs(
  reader: SqlReader,
  refs: readonly string[],
  filter: EntityReadFilter,
): Promise<Set<string>> {
  const visible = new Set<string>();
  if (filter === 'deny') return visible;
  const condition = filter
    ? filterCondition(normalizeFilter(filter), { id: 'f.entity_id', mode: 'probe', kindColumn: 'f.kind' })
    : TRUE_CONDITION;
  for (const chunk of chunked([...new Set(refs)], 500)) {
    const rows = await reader.all(
      sql<{
        ref: string;
      }>`SELECT f.entity_ref AS ref FROM final_entities f WHERE f.entity_ref IN (${listOf(reader.dialect, chunk)}) AND ${condition}`,
    );
    for (const row of rows) visible.add(row.ref);
  }
  return visible;
}
