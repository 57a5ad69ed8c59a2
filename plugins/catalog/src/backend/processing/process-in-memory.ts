import type { Entity } from '@atrium/catalog-model';
import { stringifyEntityRef } from '@atrium/catalog-model';
import { processEntity } from './process-entity.js';
import type { ProcessingContext } from './processing-context.js';
import type { RelationRow, SerializedError } from './processing-types.js';

/** What processing an entity tree without storing it gave. */
export interface InMemoryResult {
  entities: Entity[];
  errors: Array<SerializedError & { entityRef: string }>;
  /** Every relation emitted (stitching would attach each to its source). */
  relations: RelationRow[];
}

/**
 * Runs the pipeline on an entity and, breadth first, on every child it emits (nested
 * locations included) without touching the database: for dry-run registration and
 * validation. Stops after `limit` entities.
 *
 * @example
 * const { entities, errors } = await processInMemory(locationEntity, context);
 */
export async function processInMemory(
  root: Entity,
  context: ProcessingContext,
  limit = 5000,
): Promise<InMemoryResult> {
  const rootRef = stringifyEntityRef(root);
  const queue = [{ ref: rootRef, json: JSON.stringify(root) }];
  const seen = new Set([rootRef]);
  const result: InMemoryResult = { entities: [], errors: [], relations: [] };
  const isolated: ProcessingContext = {
    ...context,
    ancestorsOf: async () => new Set(),
    childSink: undefined,
  };
  for (let item = queue.shift(); item && result.entities.length < limit; item = queue.shift()) {
    const outcome = await processEntity(
      { entityRef: item.ref, unprocessedJson: item.json, cacheJson: null },
      isolated,
    );
    for (const error of outcome.errors) result.errors.push({ ...error, entityRef: item.ref });
    if (!outcome.ok || !outcome.processedJson) continue;
    result.entities.push(JSON.parse(outcome.processedJson) as Entity);
    result.relations.push(...outcome.relations);
    for (const child of outcome.children) {
      if (seen.has(child.ref)) continue;
      seen.add(child.ref);
      queue.push({ ref: child.ref, json: child.json });
    }
  }
  return result;
}
