import {
  type CompoundEntityRef,
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@atrium/catalog-model';
import { defineApiRef } from '@atrium/web-kernel';
import type { CatalogApi } from '../api/catalog-api.js';
import { entityDisplayName } from '../components/entity-route.js';

/** How to show an entity that is known only by its ref. */
export interface EntityPresentation {
  /** The canonical ref, e.g. `group:default/team-checkout`. */
  entityRef: string;
  /** Its title or display name (or name); `undefined` when the catalog has no such entity. */
  title: string | undefined;
}

/**
 * Titles of entities known only by ref (owners, relation targets), so the UI can show
 * "Checkout team" instead of `team-checkout`. Calls made together share one `by-refs`
 * request; callers cache the answers (the catalog's hooks keep them in the query cache).
 */
export interface EntityPresentationApi {
  forRef(entityRef: string | CompoundEntityRef): Promise<EntityPresentation>;
}

/** Ref of the entity presentation API (`useApi(entityPresentationApiRef)`). */
export const entityPresentationApiRef = defineApiRef<EntityPresentationApi>({
  id: 'plugin.catalog.entity-presentation',
});

// Only what a title needs: a team's or person's display name lives in spec.profile.
const presentationFields = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.displayName',
];

interface Waiter {
  resolve(presentation: EntityPresentation): void;
  reject(error: unknown): void;
}

/**
 * Creates the presentation API over the catalog client: refs asked for in the same turn
 * of the event loop (a table's cells rendering) are fetched in one request.
 *
 * @example
 * const presentation = createEntityPresentationApi(catalogApi);
 * (await presentation.forRef('group:default/team-a')).title; // 'Team A'
 */
export function createEntityPresentationApi(catalogApi: CatalogApi): EntityPresentationApi {
  let pending = new Map<string, Waiter[]>();
  async function flush() {
    const batch = pending;
    pending = new Map();
    const refs = [...batch.keys()];
    try {
      const { items } = await catalogApi.getEntitiesByRefs({
        body: { entityRefs: refs, fields: presentationFields },
      });
      refs.forEach((entityRef, index) => {
        const entity: Entity | null | undefined = items[index];
        const title = entity ? entityDisplayName(entity) : undefined;
        for (const waiter of batch.get(entityRef) ?? []) waiter.resolve({ entityRef, title });
      });
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  }
  return {
    forRef(ref) {
      return new Promise((resolve, reject) => {
        const entityRef = stringifyEntityRef(typeof ref === 'string' ? parseEntityRef(ref) : ref);
        if (pending.size === 0) setTimeout(() => void flush(), 0);
        pending.set(entityRef, [...(pending.get(entityRef) ?? []), { resolve, reject }]);
      });
    },
  };
}
