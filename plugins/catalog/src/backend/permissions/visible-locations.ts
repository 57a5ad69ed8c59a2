import type { CatalogLocation } from '../../common/catalog-types.js';
import type { SqlReader } from '../database/sql-reader.js';
import { visibleRefs } from '../query/visible-refs.js';
import type { EntityReadFilter } from './entity-read-filter.js';

/**
 * The registered locations the caller may see: those whose Location entity
 * (`location.entityRef`) they may read. A caller who may read every entity sees every
 * location, processed or not; under a conditional decision a location shows once its
 * entity is served and matches.
 *
 * @example
 * const shown = await visibleLocations(reader, await locations.list(), await entityReadFilter(permissions, credentials));
 */
export async function visibleLocations(
  reader: SqlReader,
  locations: CatalogLocation[],
  filter: EntityReadFilter,
): Promise<CatalogLocation[]> {
  if (filter === undefined) return locations;
  const visible = await visibleRefs(
    reader,
    locations.map((location) => location.entityRef),
    filter,
  );
  return locations.filter((location) => visible.has(location.entityRef));
}
