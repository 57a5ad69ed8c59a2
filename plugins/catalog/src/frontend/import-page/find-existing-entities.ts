import {
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_MANAGED_BY_ORIGIN_LOCATION,
  type Entity,
  stringifyEntityRef,
} from '@atrium/catalog-model';
import type { CatalogApi } from '../api/catalog-api.js';
import type { LocationSpec } from './import-target.js';

/** An entity a location would emit that the catalog already has from another location. */
export interface ExistingEntity {
  entity: Entity;
  /** The location that owns it (`backstage.io/managed-by-origin-location`), e.g. `url:https://…`. */
  origin?: string;
  /** The file it was read from, when that is not the origin itself. */
  readFrom?: string;
}

const isLocation = (entity: Entity) => entity.kind.toLowerCase() === 'location';

/**
 * Which of the entities a dry run found are already in the catalog from another location,
 * by ref. Registering would not move them: the catalog keeps an entity with the location
 * that read it first and reports a conflict on the newcomer (as Backstage does). Entities
 * the user may not read are not reported.
 *
 * @example
 * const existing = await findExistingEntities(catalogApi, [{ location, entities }]);
 */
export async function findExistingEntities(
  catalogApi: CatalogApi,
  planned: readonly { location: LocationSpec; entities: readonly Entity[] }[],
): Promise<Map<string, ExistingEntity>> {
  const candidates = planned.flatMap(({ location, entities }) =>
    entities.filter((entity) => !isLocation(entity)).map((entity) => ({ location, entity })),
  );
  const found = new Map<string, ExistingEntity>();
  if (candidates.length === 0) return found;
  const refs = candidates.map(({ entity }) => stringifyEntityRef(entity));
  const { items } = await catalogApi.getEntitiesByRefs({
    body: {
      entityRefs: refs,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'metadata.annotations'],
    },
  });
  items.forEach((entity, index) => {
    const candidate = candidates[index];
    if (!entity || !candidate) return;
    const annotations = entity.metadata.annotations ?? {};
    const origin = annotations[ANNOTATION_MANAGED_BY_ORIGIN_LOCATION];
    // Read by this very location already: importing refreshes it, nothing conflicts.
    if (origin === `${candidate.location.type}:${candidate.location.target}`) return;
    const source = annotations[ANNOTATION_MANAGED_BY_LOCATION];
    found.set(refs[index] ?? '', { entity, origin, readFrom: source !== origin ? source : undefined });
  });
  return found;
}
