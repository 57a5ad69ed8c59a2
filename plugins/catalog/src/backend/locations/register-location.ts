import type { Entity } from '@atrium/catalog-model';
import { ConflictError, InputError, NotAllowedError } from '@atrium/errors';
import type { CatalogLocation } from '../../common/catalog-types.js';
import { scheduleRefresh } from '../entities/remove-entity.js';
import { locationToEntity } from '../processing/collect-children.js';
import { type InMemoryResult, processInMemory } from '../processing/process-in-memory.js';
import { locationEntityRef } from '../providers/location-store.js';
import type { CatalogServices } from '../routes/catalog-services.js';
import { assertAllowedFileTarget } from './allowed-file-roots.js';

/** A registration request (`POST /locations`). */
export interface RegisterLocation {
  type: string;
  target: string;
  dryRun: boolean;
  onConflict?: 'reject' | 'refresh';
  /** The dry run's entities the caller may read (catalog.entity.read). */
  readableEntities(result: InMemoryResult): Entity[];
  /** Whether the caller may see a registered location (read its Location entity). */
  canSeeLocation(location: CatalogLocation): Promise<boolean>;
}

/** Checks the location type (and file roots) and returns the target as it is stored. */
export async function checkLocationSpec(
  services: CatalogServices,
  type: string,
  target: string,
): Promise<string> {
  if (type === 'file') return assertAllowedFileTarget(target, services.config.allowedFileRoots);
  const allowed = services.config.allowedLocationTypes;
  if (!allowed.includes(type)) {
    throw new InputError(
      `Registered locations must be of an allowed type ${JSON.stringify(allowed)} (catalog.allowedLocationTypes), or 'file' under catalog.allowedFileRoots`,
    );
  }
  return target;
}

async function dryRun(
  services: CatalogServices,
  type: string,
  target: string,
  existing: CatalogLocation | undefined,
  readable: RegisterLocation['readableEntities'],
) {
  const ref = `${type}:${target}`;
  const result = await processInMemory(locationToEntity({ type, target }, ref, ref), services.context);
  const { errors } = result;
  if (errors.length > 0) {
    throw new InputError(
      `Processing of ${ref} failed: ${errors.map((e) => `${e.entityRef}: ${e.name}: ${e.message}`).join('; ')}`,
    );
  }
  return {
    exists: existing !== undefined,
    location: { id: ref, type, target, entityRef: locationEntityRef({ type, target }) },
    entities: readable(result),
  };
}

/**
 * Registers a location: validates its type and (for files) `catalog.allowedFileRoots`,
 * refuses writes in readonly mode, and handles an existing registration per
 * `onConflict`. A dry run processes the whole tree in memory and stores nothing.
 */
export async function registerLocation(services: CatalogServices, request: RegisterLocation) {
  if (!request.dryRun && services.config.readonly)
    throw new NotAllowedError('This operation not allowed in readonly mode');
  const target = await checkLocationSpec(services, request.type, request.target);
  const found = await services.locations.find(request.type, target);
  // One the caller may not see is neither reported, returned nor refreshed: only a
  // conflict, since a second registration of the same target cannot exist.
  const existing = found && (await request.canSeeLocation(found)) ? found : undefined;
  if (request.dryRun) return dryRun(services, request.type, target, existing, request.readableEntities);
  if (found && !existing) throw new ConflictError(`Location ${request.type}:${target} already exists`);
  if (existing) {
    const strategy = request.onConflict ?? services.config.defaultLocationConflictStrategy;
    if (strategy === 'reject') throw new ConflictError(`Location ${request.type}:${target} already exists`);
    await scheduleRefresh(services.sql, existing.entityRef);
    services.engine.wake();
    return { location: existing, entities: [] };
  }
  const location = await services.locations.create({ type: request.type, target });
  return { location, entities: [] };
}
