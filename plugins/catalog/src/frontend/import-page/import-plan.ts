import type { Entity } from '@atrium/catalog-model';
import type { AnalyzeLocationResponse, CatalogLocation } from '../../common/index.js';
import type { CatalogApi } from '../api/catalog-api.js';

/** A place entities are read from, e.g. `{ type: 'url', target: 'https://…/catalog-info.yaml' }`. */
export interface LocationSpec {
  type: string;
  target: string;
}

/** One location that would be registered, with what a dry run says it contains. */
export interface PlannedLocation {
  location: LocationSpec;
  /** Already registered: importing refreshes it instead. */
  exists: boolean;
  /** Ref of the Location entity that stands for it. */
  entityRef: string;
  /** Every entity the dry run would ingest, the generated Location entity included. */
  entities: Entity[];
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
  /** The non-Location entities that are on their way into the catalog. */
  entities: Entity[];
}

const isUrl = (target: string) => /^https?:\/\//i.test(target);
// A URL naming a descriptor file is registered directly, as Backstage's import page does.
const isDescriptorFile = (target: string) => /\.ya?ml$/i.test(target.split(/[?#]/)[0] ?? '');

async function dryRun(catalogApi: CatalogApi, location: LocationSpec): Promise<PlannedLocation> {
  const response = await catalogApi.createLocation({ query: { dryRun: 'true' }, body: location });
  return {
    location,
    exists: response.exists === true,
    entityRef: response.location.entityRef,
    entities: response.entities,
  };
}

/**
 * Works out what registering a target would do: a descriptor URL or file path is dry-run
 * directly; a repository URL is analyzed first and each descriptor found is dry-run.
 *
 * @example
 * const plan = await planImport(catalogApi, 'https://github.com/acme/petstore');
 */
export async function planImport(catalogApi: CatalogApi, rawTarget: string): Promise<ImportPlan> {
  const target = rawTarget.trim();
  if (!isUrl(target)) {
    // The server decides whether file locations are allowed (catalog.allowedFileRoots).
    return { target, locations: [await dryRun(catalogApi, { type: 'file', target })], generated: [] };
  }
  if (isDescriptorFile(target)) {
    return { target, locations: [await dryRun(catalogApi, { type: 'url', target })], generated: [] };
  }
  const analysis = await catalogApi.analyzeLocation({ body: { location: { type: 'url', target } } });
  const byTarget = new Map<string, LocationSpec>();
  for (const file of analysis.existingEntityFiles) byTarget.set(file.location.target, file.location);
  const locations = await Promise.all([...byTarget.values()].map((location) => dryRun(catalogApi, location)));
  return { target, locations, generated: locations.length === 0 ? analysis.generateEntities : [] };
}

/**
 * Registers the planned locations (refreshing those already registered) and reports what
 * is on its way; the catalog ingests asynchronously, so entities appear a little later.
 *
 * @example
 * const result = await runImport(catalogApi, plan);
 */
export async function runImport(catalogApi: CatalogApi, plan: ImportPlan): Promise<ImportResult> {
  const locations = await Promise.all(
    plan.locations.map(async (planned) => {
      if (planned.exists) {
        await catalogApi.refreshEntity({ body: { entityRef: planned.entityRef } });
        return { id: planned.entityRef, ...planned.location, entityRef: planned.entityRef };
      }
      return (await catalogApi.createLocation({ body: planned.location })).location;
    }),
  );
  const entities = plan.locations
    .flatMap((planned) => planned.entities)
    .filter((e) => e.kind.toLowerCase() !== 'location');
  return { locations, entities };
}
