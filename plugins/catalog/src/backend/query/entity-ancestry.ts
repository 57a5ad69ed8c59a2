import type { Entity } from '@atrium/catalog-model';
import { NotFoundError } from '@atrium/errors';
import type { EntityAncestryResponse } from '../../common/catalog-types.js';
import type { SqlReader } from '../database/sql-reader.js';
import type { StoredJson } from '../database/stored-json.js';

/**
 * The entity and its parents through the reference graph (the locations that emitted
 * it, transitively), root first, each once.
 *
 * @example
 * await entityAncestry(sql, 'component:default/web'); // { rootEntityRef, items: [{ entity, parentEntityRefs }, ...] }
 */
export async function entityAncestry(sql: SqlReader, rootRef: string): Promise<EntityAncestryResponse> {
  const [root] = await sql.all<{ json: StoredJson }>(
    'SELECT final_entity AS json FROM final_entities WHERE entity_ref = ?',
    [rootRef],
  );
  if (!root) throw new NotFoundError(`No such entity ${rootRef}`);
  const items: EntityAncestryResponse['items'] = [];
  const seen = new Set([rootRef]);
  const todo: Array<{ ref: string; json: StoredJson }> = [{ ref: rootRef, json: root.json }];
  for (let current = todo.shift(); current; current = todo.shift()) {
    const parents = await sql.all<{ ref: string; json: StoredJson }>(
      `SELECT r.source_entity_ref AS ref, f.final_entity AS json FROM refs r
       JOIN final_entities f ON f.entity_ref = r.source_entity_ref WHERE r.target_entity_ref = ?`,
      [current.ref],
    );
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
