import { parseEntityRef, stringifyEntityRef } from '@atrium/catalog-model';
import { sql } from '@atrium/kernel';
import { chunked, listOf } from '../database/sql-client.js';
import type { SqlReader } from '../database/sql-reader.js';
import { joinJson, type StoredJson } from '../database/stored-json.js';
import { type EntityFields, projectJson } from './entity-fields.js';
import type { EntityFilter } from './entity-filter.js';
import { filterCondition, TRUE_CONDITION } from './filter-sql.js';

/** The canonical form of a requested ref; `undefined` when it cannot name an entity. */
function canonicalRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return undefined;
  }
}

/**
 * Answers `POST /entities/by-refs`: the entities in request order, `null` where a ref does
 * not exist or the filter (the caller's and the permission filter) rejects it. Returns
 * the JSON body.
 *
 * @example
 * await entitiesByRefs(reader, ['component:default/web', 'api:default/missing'], undefined, undefined);
 * // '{"items":[{...},null]}'
 */
export async function entitiesByRefs(
  reader: SqlReader,
  refs: readonly string[],
  filter: EntityFilter | undefined,
  fields: EntityFields,
): Promise<string> {
  const wanted = refs.map(canonicalRef);
  const unique = [...new Set(wanted.filter((ref): ref is string => ref !== undefined))];
  const found = new Map<string, StoredJson>();
  const condition = filter
    ? filterCondition(filter, { id: 'f.entity_id', mode: 'probe', kindColumn: 'f.kind' })
    : TRUE_CONDITION;
  for (const chunk of chunked(unique, 500)) {
    const rows = await reader.all(
      sql<{
        ref: string;
        json: StoredJson;
      }>`SELECT f.entity_ref AS ref, f.final_entity AS json FROM final_entities f WHERE f.entity_ref IN (${listOf(reader.dialect, chunk)}) AND ${condition}`,
    );
    for (const row of rows) found.set(row.ref, row.json);
  }
  const items = wanted.map((ref) => {
    const json = ref === undefined ? undefined : found.get(ref);
    return json === undefined ? 'null' : projectJson(json, fields);
  });
  return joinJson('{"items":[', items, ']}');
}
