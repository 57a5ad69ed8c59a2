import { defineApiRef } from '@atrium/web-kernel';

/**
 * The entities the user starred; refs are canonical (lowercased) strings. The catalog
 * provides one kept in the browser (`api:catalog/starred-entities`); an app may disable
 * that extension and provide another, e.g. one kept per user on a backend.
 */
export interface StarredEntitiesApi {
  /** The starred refs; the same array until it changes (fit for useSyncExternalStore). */
  getSnapshot(): readonly string[];
  subscribe(listener: () => void): () => void;
  isStarred(entityRef: string): boolean;
  toggle(entityRef: string): void;
}

/** Ref of the starred entities API (`useApi(starredEntitiesApiRef)`). */
export const starredEntitiesApiRef = defineApiRef<StarredEntitiesApi>({
  id: 'plugin.catalog.starred-entities',
});
