import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import type { AnalyzeLocationResponse } from '../../common/catalog-types.js';
import type { SqlReader } from '../database/sql-reader.js';
import type { RelationRow } from '../processing/processing-types.js';
import { specRelations } from '../processing/run-processors.js';
import { visibleRefs } from '../query/visible-refs.js';
import { type EntityReadFilter, readFilterAllows } from './entity-read-filter.js';

// The entity as it would be served: with the relations whose source it is (stitching adds them).
function asServed(entity: Entity, relations: readonly RelationRow[]): Entity {
  const ref = stringifyEntityRef(entity);
  return {
    ...entity,
    relations: relations
      .filter((relation) => relation.source === ref)
      .map((relation) => ({ type: relation.type, targetRef: relation.target })),
  };
}

/**
 * The entities of a dry run (`POST /locations?dryRun=true`) that the caller may read,
 * each judged with the relations the run emitted for it, as if it were stored.
 *
 * @example
 * readableEntities(await processInMemory(location, context), await entityReadFilter(permissions, credentials));
 */
export function readableEntities(
  result: { entities: Entity[]; relations: readonly RelationRow[] },
  filter: EntityReadFilter,
): Entity[] {
  if (filter === undefined) return result.entities;
  return result.entities.filter((entity) => readFilterAllows(filter, asServed(entity, result.relations)));
}

function readableFileEntity(entity: Entity, filter: EntityReadFilter): boolean {
  try {
    return readFilterAllows(filter, asServed(entity, specRelations(entity)));
  } catch {
    // Not an entity the catalog could store (a bad ref in its spec): nothing to show.
    return false;
  }
}

/**
 * An analysis (`POST /analyze-location`) as the caller may see it: the file's entities
 * they may read (judged with the relations their spec implies), registered only when
 * the stored entity is one they may read too.
 */
export async function readableAnalysis(
  reader: SqlReader,
  analysis: AnalyzeLocationResponse,
  filter: EntityReadFilter,
): Promise<AnalyzeLocationResponse> {
  if (filter === undefined) return analysis;
  const files = analysis.existingEntityFiles.filter((file) => readableFileEntity(file.entity, filter));
  const stored = await visibleRefs(
    reader,
    files.filter((file) => file.isRegistered).map((file) => stringifyEntityRef(file.entity)),
    filter,
  );
  return {
    ...analysis,
    existingEntityFiles: files.map((file) => ({
      ...file,
      isRegistered: file.isRegistered && stored.has(stringifyEntityRef(file.entity)),
    })),
  };
}
