/**
 * Topics the catalog publishes on the kernel's `events` service.
 *
 * @example
 * await events.subscribe({ id: 'search.catalog', topics: [CATALOG_EVENT_TOPICS.entityUpserted], onEvent });
 */
export const CATALOG_EVENT_TOPICS = {
  /** An entity became visible or its served form changed; payload {@link CatalogEntityUpsertedEvent}. */
  entityUpserted: 'catalog.entity.upserted',
  /** An entity was removed from the catalog; payload {@link CatalogEntityDeletedEvent}. */
  entityDeleted: 'catalog.entity.deleted',
  /** Two sources emitted the same entity ref (Backstage's topic name); payload {@link CatalogConflictEvent}. */
  conflict: 'experimental.catalog.conflict',
} as const;

/** Payload of `catalog.entity.upserted`. */
export interface CatalogEntityUpsertedEvent {
  /** Canonical lowercased ref, e.g. `component:default/web`. */
  entityRef: string;
  /** `metadata.uid` of the entity. */
  uid: string;
  /** `metadata.etag` of the served entity. */
  etag: string;
  /** `added` the first time the entity is served, `updated` afterwards. */
  action: 'added' | 'updated';
}

/** Payload of `catalog.entity.deleted`. */
export interface CatalogEntityDeletedEvent {
  entityRef: string;
  uid: string;
  /** Why it went away: orphan cleanup, an API delete, or a provider mutation. */
  reason: 'orphaned' | 'deleted' | 'provider';
}

/** Payload of `experimental.catalog.conflict`, in Backstage's shape. */
export interface CatalogConflictEvent {
  unprocessedEntity: unknown;
  entityRef: string;
  newLocationKey: string | null;
  existingLocationKey: string | null;
  lastConflictAt: string;
}
