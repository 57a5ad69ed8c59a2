import type { Entity } from '@atrium/catalog-model';
import { ConflictError, InputError, NotAllowedError } from '@atrium/errors';
import type { CatalogLocation } from '../../common/catalog-types.js';
import { scheduleRefresh } from '../entities/remove-entity.js';
import { locationToEntity } from '../processing/collect-children.js';
import { type InMemoryResult, processInMemory } from '../processing/process-in-memory.js';
import { readerUrlOf } from '../processing/resolve-target.js';
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

// The setting an operator changes to allow what a kernel rule refused, by the rule's name.
const settingOfRule: Record<string, string> = {
  'host-not-allowed': 'backend.reading.allow',
  'outside-file-roots': 'catalog.allowedFileRoots',
};

/** Applies the kernel's read rule now, as a 400 that names the setting to change. */
async function assertReadable(
  services: Pick<CatalogServices, 'context'>,
  type: string,
  target: string,
): Promise<void> {
  const url = readerUrlOf({ type, target });
  try {
    await services.context.urlReader.check(url);
  } catch (error) {
    if ((error as Error).name !== 'NotAllowedError') throw error;
    const details = (error as { details?: Record<string, unknown> }).details ?? {};
    const setting = settingOfRule[String(details.rule)];
    // The kernel's message already names the target and the reason: said once.
    throw new InputError((error as Error).message, {
      cause: error,
      details: setting ? { ...details, setting } : details,
    });
  }
}

/**
 * Checks a location before it is registered, analyzed or updated: an allowed type; for
 * `file`, a target under `catalog.allowedFileRoots` (symlinks resolved); for `url`, an
 * http(s) URL; and for both, the kernel's read rule (`backend.reading.allow`, the
 * database directory, git refs...), so what the server could not read is refused at once.
 * Returns the target as it is stored.
 *
 * @example
 * await checkLocationSpec(services, 'file', '/srv/repos/app.git/blob/main/catalog-info.yaml');
 */
export async function checkLocationSpec(
  services: Pick<CatalogServices, 'config' | 'context'>,
  type: string,
  target: string,
): Promise<string> {
  if (type === 'file') {
    const absolute = await assertAllowedFileTarget(target, services.config.allowedFileRoots);
    await assertReadable(services, type, absolute);
    return absolute;
  }
  const allowed = services.config.allowedLocationTypes;
  if (!allowed.includes(type)) {
    throw new InputError(
      `Registered locations must be of an allowed type ${JSON.stringify(allowed)} (catalog.allowedLocationTypes), or 'file' under catalog.allowedFileRoots`,
      { details: { rule: 'location-type', setting: 'catalog.allowedLocationTypes', type } },
    );
  }
  if (type === 'url') await assertReadable(services, type, target);
  return target;
}

// Locations generated for a target are named after its hash: a name that means nothing
// to the person who typed the target, so errors name the target instead.
const GENERATED_LOCATION = /^location:[^/]+\/generated-[0-9a-f]+$/i;

/**
 * The processing errors of a dry run as one message, each said once: an entity that a
 * location's error already names (an invalid entity is reported on both) is not repeated,
 * and an error names its entity unless it is the location or its message already does.
 */
function describeProcessingErrors(errors: InMemoryResult['errors']): string {
  const isLocation = (e: { entityRef: string }) => GENERATED_LOCATION.test(e.entityRef);
  const locationMessages = errors.filter(isLocation).map((e) => e.message);
  const lines = errors
    .filter((e) => isLocation(e) || !locationMessages.some((m) => m.includes(e.entityRef)))
    .map((e) =>
      isLocation(e) || e.message.includes(e.entityRef) ? e.message : `${e.entityRef}: ${e.message}`,
    );
  return [...new Set(lines)].join('; ');
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
  if (result.errors.length > 0) throw new InputError(describeProcessingErrors(result.errors));
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
