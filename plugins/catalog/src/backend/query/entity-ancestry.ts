import type { Entity } from '@atrium/catalog-model';
import { NotFoundError } from '@atrium/errors';
import { sql } from '@atrium/kernel';
import type { EntityAncestryResponse } from '../../common/catalog-types.js';
import type { SqlReader } from '../database/sql-reader.js';
import type { StoredJson } from '../database/stored-json.js';
import type { EntityReadFilter } from '../permissions/entity-read-filter.js';
import { visibleRefs } from './visible-refs.js';

/**
 * The entity and its parents through the reference graph (the locations that emitted
 * it, transitively), root first, each once. Only entities the read filter lets through
 * are walked: a parent reachable only through a hidden one is not listed, as if the
 * hidden one did not exist, and a hidden root is a 404 like a missing one.
 *
 * @example
 * await entityAncestry(reader, 'component:default/web', undefined); // { rootEntityRef, items: [{ entity, parentEntityRefs }, ...] }
 */
export async function entityAncestry(
  reader: SqlReader,
  rootRef: string,
  filter: EntityReadFilter,
): Promise<EntityAncestryResponse> {
  const visible = async (refs: string[]) =>
    filter === undefined ? new Set(refs) : visibleRefs(reader, refs, filter);
  const [root] = await reader.all(
    sql<{ json: StoredJson }>`SELECT final_entity AS json FROM final_entities WHERE entity_ref = ${rootRef}`,
  );
  if (!root || !(await visible([rootRef])).has(rootRef)) throw new NotFoundError(`No such entity ${rootRef}`);
  const items: EntityAncestryResponse['items'] = [];
  const seen = new Set([rootRef]);
  const todo: Array<{ ref: string; json: StoredJson }> = [{ ref: rootRef, json: root.json }];
  for (let current = todo.shift(); current; current = todo.shift()) {
    const candidates = await reader.all(
      sql<{
        ref: string;
        json: StoredJson;
      }>`SELECT r.source_entity_ref AS ref, f.final_entity AS json FROM refs r
       JOIN final_entities f ON f.entity_ref = r.source_entity_ref WHERE r.target_entity_ref = ${current.ref}`,
    );
    const shown = await visible(candidates.map((parent) => parent.ref));
    const parents = candidates.filter((parent) => shown.has(parent.ref));
    for (const parent of parents) {
      if (seen.has(parent.ref)) continue;
      seen.add(parent.ref);
      todo.push(parent);
    }
    items.push({
      entity: JSON.parse(current.json) as Entity,
      parentEntityRefs: parents.map((parent) => parent.ref),
    });
  }
  return { rootEntityRef: rootRef, items };
}
