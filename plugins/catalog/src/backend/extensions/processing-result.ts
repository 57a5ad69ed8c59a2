import type { Entity } from '@atrium/catalog-model';
import { InputError, NotFoundError } from '@atrium/errors';
import type { CatalogProcessorResult, EntityRelationSpec, LocationSpec } from './catalog-processor.js';

/**
 * Builders for what processors emit, as Backstage's `processingResult`.
 *
 * @example
 * emit(processingResult.relation({ source, type: 'ownedBy', target }));
 * emit(processingResult.inputError(location, `spec.owner is missing in ${location.target}`));
 */
export const processingResult = {
  /** A child entity read from `location`. */
  entity(
    location: LocationSpec,
    entity: Entity,
    options: { locationKey?: string | null } = {},
  ): CatalogProcessorResult {
    return { type: 'entity', entity, location, locationKey: options.locationKey };
  },
  /** A further location to read (becomes a child Location entity). */
  location(location: LocationSpec): CatalogProcessorResult {
    return { type: 'location', location };
  },
  /** A relation between two entities. */
  relation(relation: EntityRelationSpec): CatalogProcessorResult {
    return { type: 'relation', relation };
  },
  /** A key (usually a URL) whose change should reprocess this entity. */
  refresh(key: string): CatalogProcessorResult {
    return { type: 'refresh', key };
  },
  /** Bad input at a location (400-like). */
  inputError(location: LocationSpec, message: string): CatalogProcessorResult {
    return { type: 'error', error: new InputError(message), location };
  },
  /** A location that does not exist. */
  notFoundError(location: LocationSpec, message: string): CatalogProcessorResult {
    return { type: 'error', error: new NotFoundError(message), location };
  },
  /** Any other failure. */
  generalError(location: LocationSpec, message: string): CatalogProcessorResult {
    return { type: 'error', error: new Error(message), location };
  },
};
