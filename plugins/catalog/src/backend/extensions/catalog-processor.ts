import type { Entity } from '@atrium/catalog-model';

/** Where entity data comes from: `{ type: 'url' | 'file' | <custom>, target }`. */
export interface LocationSpec {
  type: string;
  target: string;
  /** `required` (default) reports a missing target as an error; `optional` does not. */
  presence?: 'required' | 'optional';
}

/** A relation a processor emits: both ends as compound refs. */
export interface EntityRelationSpec {
  source: { kind: string; namespace: string; name: string };
  type: string;
  target: { kind: string; namespace: string; name: string };
}

/** One thing a processor emits while processing an entity or reading a location. */
export type CatalogProcessorResult =
  | { type: 'entity'; entity: Entity; location: LocationSpec; locationKey?: string | null }
  | { type: 'location'; location: LocationSpec }
  | { type: 'relation'; relation: EntityRelationSpec }
  | { type: 'error'; error: Error; location: LocationSpec }
  | { type: 'refresh'; key: string };

/** Receives what a processor emits. */
export type CatalogProcessorEmit = (result: CatalogProcessorResult) => void;

/** Per-entity, per-processor state kept between processing runs (JSON values only). */
export interface CatalogProcessorCache {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set<T = unknown>(key: string, value: T): Promise<void>;
}

/** Turns the raw bytes of a descriptor file into emitted entities (or errors). */
export type CatalogProcessorParser = (options: {
  data: Buffer;
  location: LocationSpec;
}) => AsyncIterable<CatalogProcessorResult> | Iterable<CatalogProcessorResult>;

/**
 * A step of the processing pipeline, in Backstage's shape. Every method is optional;
 * processors run in priority order (lower first, default 20), configurable through
 * `catalog.processorOptions.<name>.priority` and `.disabled`.
 *
 * @example
 * const tierProcessor: CatalogProcessor = {
 *   getProcessorName: () => 'TierProcessor',
 *   async postProcessEntity(entity) {
 *     return { ...entity, metadata: { ...entity.metadata, labels: { ...entity.metadata.labels, tier: '1' } } };
 *   },
 * };
 */
export interface CatalogProcessor {
  getProcessorName(): string;
  /** Lower runs first; default 20. */
  readonly priority?: number;
  /** Reads a location of a type this processor understands; returns false when it does not. */
  readLocation?(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
    parser: CatalogProcessorParser,
    cache: CatalogProcessorCache,
  ): Promise<boolean>;
  /** Runs before validation; may rewrite the entity (not its kind, namespace or name). */
  preProcessEntity?(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    originLocation: LocationSpec,
    cache: CatalogProcessorCache,
  ): Promise<Entity>;
  /** True when this processor recognizes (and has validated) the entity's kind. */
  validateEntityKind?(entity: Entity): Promise<boolean>;
  /** Runs after validation; the place to emit relations. */
  postProcessEntity?(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity>;
}
