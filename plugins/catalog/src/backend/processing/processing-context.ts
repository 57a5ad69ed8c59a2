import type { KindRegistry } from '@atrium/catalog-model';
import type { UrlReaderService } from '@atrium/kernel';
import type { CatalogProcessor, CatalogProcessorParser } from '../extensions/catalog-processor.js';
import type { CatalogRules } from './catalog-rules.js';
import type { ChildEntity, SerializedError } from './processing-types.js';

/**
 * Stores children while a location is still being read (non-Location children, in
 * chunks), so a location of 100,000 entities never holds them all in memory. Returns the
 * refs it accepted and the conflicts it refused.
 */
export type ChildSink = (
  parentRef: string,
  children: ChildEntity[],
) => Promise<{ accepted: string[]; errors: SerializedError[] }>;

/** Everything processing needs besides the entity itself. */
export interface ProcessingContext {
  kinds: KindRegistry;
  /** Enabled processors, in priority order. */
  processors: readonly CatalogProcessor[];
  rules: CatalogRules;
  urlReader: UrlReaderService;
  parser: CatalogProcessorParser;
  /** Files read at once while reading one location. */
  readConcurrency: number;
  /** Refs of an entity's ancestors (through the reference graph), for location cycles. */
  ancestorsOf(entityRef: string): Promise<Set<string>>;
  /** Where children of large locations are stored early; absent for dry runs. */
  childSink?: ChildSink;
}
