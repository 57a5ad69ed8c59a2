import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { InputError } from '@atrium/errors';
import type { AnalyzeLocationResponse, CatalogLocation } from '../../common/index.js';
import type { CatalogApi } from '../api/catalog-api.js';
import { type ExistingEntity, findExistingEntities } from './find-existing-entities.js';
import { type LocationSpec, parseImportTarget } from './import-target.js';

export type { LocationSpec } from './import-target.js';

/** One location that would be registered, with what a dry run says it contains. */
export interface PlannedLocation {
  location: LocationSpec;
  /** Already registered: importing refreshes it instead. */
  exists: boolean;
  /** Ref of the Location entity that stands for it. */
  entityRef: string;
  /** Every entity the dry run would ingest, the generated Location entity included. */
  entities: Entity[];
  /** Those of `entities` the catalog already has from another location, by ref: not new. */
  existing: Map<string, ExistingEntity>;
}

/** What "Analyze" found for the entered URL or path. */
export interface ImportPlan {
  target: string;
  locations: PlannedLocation[];
  /** Suggested descriptors when the repository has none (only for repository URLs). */
  generated: AnalyzeLocationResponse['generateEntities'];
}

/** What "Import" did. */
export interface ImportResult {
  locations: CatalogLocation[];
  /** The new non-Location entities that are on their way into the catalog. */
  entities: Entity[];
}

// A URL naming a descriptor file is registered directly, as Backstage's import page does.
const isDescriptorFile = (target: string) => /\.ya?ml$/i.test(target.split(/[?#]/)[0] ?? '');

const isLocation = (entity: Entity) => entity.kind.toLowerCase() === 'location';

/** The entities a planned location would add to the catalog: not Locations, not already there. */
export function newEntities(planned: PlannedLocation): Entity[] {
  return planned.entities.filter(
    (entity) => !isLocation(entity) && !planned.existing.has(stringifyEntityRef(entity)),
  );
}

/**
 * Whether registering a planned location would add nothing: everything it holds is already
 * in the catalog from elsewhere, and would stay there.
 */
export function isRedundant(planned: PlannedLocation): boolean {
  return !planned.exists && planned.existing.size > 0 && newEntities(planned).length === 0;
}

async function dryRuns(catalogApi: CatalogApi, locations: LocationSpec[]): Promise<PlannedLocation[]> {
  const planned = await Promise.all(
    locations.map(async (location) => {
      const response = await catalogApi.createLocation({ query: { dryRun: 'true' }, body: location });
      return {
        location,
        exists: response.exists === true,
        entityRef: response.location.entityRef,
        entities: response.entities,
      };
    }),
  );
  const existing = await findExistingEntities(catalogApi, planned);
  return planned.map((item) => ({
    ...item,
    existing: new Map(
      item.entities
        .map((e) => stringifyEntityRef(e))
        .flatMap((ref) => {
          const found = existing.get(ref);
          return found ? [[ref, found] as const] : [];
        }),
    ),
  }));
}

/**
 * Works out what registering a target would do: a descriptor URL or file path is dry-run
 * directly; a repository URL is analyzed first and each descriptor found is dry-run. Each
 * entity the catalog already has from elsewhere is marked, since registering would not
 * move it. Text that is neither a URL nor an absolute path is refused without a request.
 *
 * @example
 * const plan = await planImport(catalogApi, 'https://github.com/acme/petstore');
 */
export async function planImport(catalogApi: CatalogApi, rawTarget: string): Promise<ImportPlan> {
  const parsed = parseImportTarget(rawTarget);
  if (parsed.kind === 'invalid') throw new InputError(parsed.reason);
  const { target } = parsed;
  if (parsed.kind === 'file') {
    // The server decides whether file locations are allowed (catalog.allowedFileRoots).
    return { target, locations: await dryRuns(catalogApi, [{ type: 'file', target }]), generated: [] };
  }
  if (isDescriptorFile(target)) {
    return { target, locations: await dryRuns(catalogApi, [{ type: 'url', target }]), generated: [] };
  }
  const analysis = await catalogApi.analyzeLocation({ body: { location: { type: 'url', target } } });
  const byTarget = new Map<string, LocationSpec>();
  for (const file of analysis.existingEntityFiles) byTarget.set(file.location.target, file.location);
  const locations = await dryRuns(catalogApi, [...byTarget.values()]);
  return { target, locations, generated: locations.length === 0 ? analysis.generateEntities : [] };
}

/**
 * Registers the planned locations (refreshing those already registered, skipping those
 * that would add nothing) and reports what is on its way; the catalog ingests asynchronously, so entities appear a little later.
 *
 * @example
 * const result = await runImport(catalogApi, plan);
 */
export async function runImport(catalogApi: CatalogApi, plan: ImportPlan): Promise<ImportResult> {
  const locations = await Promise.all(
    plan.locations
      .filter((planned) => !isRedundant(planned))
      .map(async (planned) => {
        if (planned.exists) {
          await catalogApi.refreshEntity({ body: { entityRef: planned.entityRef } });
          return { id: planned.entityRef, ...planned.location, entityRef: planned.entityRef };
        }
        return (await catalogApi.createLocation({ body: planned.location })).location;
      }),
  );
  return { locations, entities: plan.locations.flatMap(newEntities) };
}
