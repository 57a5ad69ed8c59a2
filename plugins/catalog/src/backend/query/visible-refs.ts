import { chunked, placeholders } from '../database/sql-client.js';
import type { SqlReader } from '../database/sql-reader.js';
import type { EntityReadFilter } from '../permissions/entity-read-filter.js';
import { normalizeFilter } from './entity-filter.js';
import { filterCondition } from './filter-sql.js';

/**
 * Which of the given (canonical) refs name a served entity that the read filter lets
 * through: for answers tied to entities other than by returning them (existence,
 * ancestry, the locations behind Location entities).
 *
 * @example
 * const visible = await visibleRefs(reader, ['component:default/web'], await entityReadFilter(permissions, credentials));
 */
export async function visibleRefs(
  sql: SqlReader,
  refs: readonly string[],
  filter: EntityReadFilter,
): Promise<Set<string>> {
  const visible = new Set<string>();
  if (filter === 'deny') return visible;
  const condition = filter
    ? filterCondition(normalizeFilter(filter), { id: 'f.entity_id', mode: 'probe', kindColumn: 'f.kind' })
    : { sql: '1 = 1', params: [] };
  for (const chunk of chunked([...new Set(refs)], 500)) {
    const rows = await sql.all<{ ref: string }>(
      `SELECT f.entity_ref AS ref FROM final_entities f WHERE f.entity_ref IN (${placeholders(chunk.length)}) AND ${condition.sql}`,
      [...chunk, ...condition.params],
    );
    for (const row of rows) visible.add(row.ref);
  }
  return visible;
}
