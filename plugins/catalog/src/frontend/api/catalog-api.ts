import type { CompoundEntityRef, Entity } from '@atrium/catalog-model';
import { defineApiRef } from '@atrium/web-kernel';
import type { EntityFilterQuery } from './filter-query.js';

/** Sort order of a paged entity query: one field, as the server applies only the first. */
export interface EntityOrderField {
  /** A dotted path such as `metadata.name`; entities without it are left out of the result. */
  field: string;
  order: 'asc' | 'desc';
}

/** A first-page request of `GET /entities/by-query`. */
export interface QueryEntitiesInitialRequest {
  filter?: EntityFilterQuery;
  /** Dotted paths to keep in each returned entity; everything else is pruned by the server. */
  fields?: readonly string[];
  orderField?: EntityOrderField;
  /** Case-insensitive substring match of `term` against the listed fields. */
  fullTextFilter?: { term: string; fields?: readonly string[] };
  limit?: number;
  /** Counting is the slow part of a query; skip it when the total is not shown. */
  totalItems?: 'include' | 'exclude';
}

/** A later page of a query: the cursor carries the filter, order and total of the first. */
export interface QueryEntitiesCursorRequest {
  cursor: string;
  fields?: readonly string[];
  limit?: number;
}

/** Either a first page or a page reached by cursor. */
export type QueryEntitiesRequest = QueryEntitiesInitialRequest | QueryEntitiesCursorRequest;

/** One page of entities with the total count and the cursors of its neighbours. */
export interface QueryEntitiesResponse {
  items: Entity[];
  totalItems: number;
  pageInfo: { nextCursor?: string; prevCursor?: string };
}

/** How many entities have each value of a field. */
export interface EntityFacetCount {
  /** The value in its original casing. */
  value: string;
  count: number;
}

/** Response of `GET /entity-facets`: counts per requested facet, keyed as requested. */
export interface EntityFacetsResponse {
  facets: Record<string, EntityFacetCount[]>;
}

/** A place entities are read from, e.g. `{ type: 'url', target: 'https://…/catalog-info.yaml' }`. */
export interface LocationSpec {
  type: string;
  target: string;
}

/** A registered location. */
export interface CatalogLocation extends LocationSpec {
  id: string;
  /** Ref of the Location entity that stands for it; older servers may omit it. */
  entityRef?: string;
}

/** Response of `POST /locations`: the location and, on a dry run, what it would ingest. */
export interface AddLocationResponse {
  location: CatalogLocation;
  /** On a dry run every entity that would be ingested; empty otherwise (ingestion is async). */
  entities: Entity[];
  /** Dry run only: the location is already registered. */
  exists?: boolean;
}

/** A descriptor file that `analyze-location` found in a repository. */
export interface AnalyzedEntityFile {
  entity: Entity;
  isRegistered: boolean;
  location: LocationSpec;
}

/** A field of a generated entity and whether analysis could fill it. */
export interface GeneratedEntityField {
  field: string;
  state: 'analysisSuggestedValue' | 'analysisSuggestedNoValue' | 'needsUserInput';
  value: string | null;
  description: string;
}

/** Response of `POST /analyze-location`. */
export interface AnalyzeLocationResponse {
  existingEntityFiles: AnalyzedEntityFile[];
  generateEntities: { entity: Partial<Entity>; fields: GeneratedEntityField[] }[];
}

/** Response of the ancestry endpoint: the entity first, then what produced it. */
export interface EntityAncestryResponse {
  rootEntityRef: string;
  items: { entity: Entity; parentEntityRefs: string[] }[];
}

/**
 * The catalog's REST API (Backstage-compatible) as the browser uses it. Failed calls
 * reject with `ResponseError` (from `@atrium/errors`), which carries the server's error name and message.
 */
export interface CatalogApi {
  /** One page of entities; follow `pageInfo.nextCursor` for the next. */
  queryEntities(request?: QueryEntitiesRequest): Promise<QueryEntitiesResponse>;
  /** Value counts of fields, optionally over a filtered subset. */
  getEntityFacets(request: {
    facets: readonly string[];
    filter?: EntityFilterQuery;
  }): Promise<EntityFacetsResponse>;
  /**
   * One entity by compound ref or full ref string (case-insensitive); `undefined` when there
   * is none. String refs are resolved by the server, so they must name the kind.
   */
  getEntityByRef(ref: CompoundEntityRef | string): Promise<Entity | undefined>;
  /** Many entities in request order, `null` where one does not exist. */
  getEntitiesByRefs(request: {
    entityRefs: readonly string[];
    fields?: readonly string[];
  }): Promise<{ items: (Entity | null)[] }>;
  getEntityAncestors(ref: CompoundEntityRef): Promise<EntityAncestryResponse>;
  /** Looks into a repository or file for descriptors, without registering anything. */
  analyzeLocation(request: {
    location: LocationSpec;
    catalogFilename?: string;
  }): Promise<AnalyzeLocationResponse>;
  /** Registers a location, or with `dryRun` reads it and reports what it would ingest. */
  addLocation(request: LocationSpec & { dryRun?: boolean }): Promise<AddLocationResponse>;
  /** Asks the catalog to process an entity (and its locations) again soon. */
  refreshEntity(entityRef: string): Promise<void>;
  /** Deletes an entity; a parent that still emits it brings it back. */
  removeEntityByUid(uid: string): Promise<void>;
}

/** Ref of the catalog API; other plugins use it through `useApi(catalogApiRef)`. */
export const catalogApiRef = defineApiRef<CatalogApi>({ id: 'plugin.catalog.service' });
