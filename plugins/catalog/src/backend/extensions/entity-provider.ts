import type { Entity } from '@atrium/catalog-model';

/** An entity handed to the catalog, with the key that decides conflicts (see the contract §8). */
export interface DeferredEntity {
  entity: Entity;
  /** Sources with the same key may overwrite each other; `null`/absent accepts any later writer. */
  locationKey?: string | null;
}

/** A change a provider applies: its complete set, or what was added and removed. */
export type EntityProviderMutation =
  | { type: 'full'; entities: DeferredEntity[] }
  | {
      type: 'delta';
      added: DeferredEntity[];
      removed: Array<DeferredEntity | { entityRef: string; locationKey?: string | null }>;
    };

/** What a provider gets to feed the catalog. */
export interface EntityProviderConnection {
  applyMutation(mutation: EntityProviderMutation): Promise<void>;
  /** Reprocess every entity that registered one of these refresh keys. */
  refresh(options: { keys: string[] }): Promise<void>;
}

/**
 * A source of entities, in Backstage's shape. Its name must be unique; entities it
 * emitted are evicted at startup once it is gone (unless
 * `catalog.orphanProviderStrategy: keep`).
 *
 * @example
 * const provider: EntityProvider = {
 *   getProviderName: () => 'hr-system',
 *   async connect(connection) { await connection.applyMutation({ type: 'full', entities: await loadPeople() }); },
 * };
 */
export interface EntityProvider {
  getProviderName(): string;
  connect(connection: EntityProviderConnection): Promise<void>;
}
