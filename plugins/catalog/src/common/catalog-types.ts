import type { Entity } from '@atrium/catalog-model';

/** A registered location, as the locations endpoints serve it. */
export interface CatalogLocation {
  /** A uuid. */
  id: string;
  type: string;
  target: string;
  /** `location:default/generated-<sha1 of "<type>:<target>">`. */
  entityRef: string;
}

/** One page of `GET|POST /entities/by-query`. */
export interface QueryEntitiesResponse {
  items: Entity[];
  totalItems: number;
  pageInfo: { nextCursor?: string; prevCursor?: string };
}

/** `GET /entities/by-name/:kind/:namespace/:name/ancestry`. */
export interface EntityAncestryResponse {
  rootEntityRef: string;
  items: Array<{ entity: Entity; parentEntityRefs: string[] }>;
}

/** How many entities have one value of a field; the value in its original casing. */
export interface EntityFacetCount {
  value: string;
  count: number;
}

/** `GET|POST /entity-facets`: per requested facet, the values with their counts, sorted by value. */
export interface EntityFacetsResponse {
  facets: Record<string, EntityFacetCount[]>;
}

/** `POST /locations`: the location and, on a dry run, every entity it would ingest. */
export interface AddLocationResponse {
  location: CatalogLocation;
  /** Empty unless a dry run: ingestion is asynchronous. */
  entities: Entity[];
  /** Dry run only: the location is registered already. */
  exists?: boolean;
}

/** One field suggestion of `POST /analyze-location`. */
export interface AnalyzeLocationEntityField {
  field: string;
  state: 'analysisSuggestedValue' | 'analysisSuggestedNoValue' | 'needsUserInput';
  value: string | null;
  description: string;
}

/** `POST /analyze-location`. */
export interface AnalyzeLocationResponse {
  existingEntityFiles: Array<{
    entity: Entity;
    isRegistered: boolean;
    location: { type: string; target: string };
  }>;
  generateEntities: Array<{ entity: Partial<Entity>; fields: AnalyzeLocationEntityField[] }>;
}

/** The default page size of `by-query` when the caller passes no `limit`. */
export const DEFAULT_QUERY_LIMIT = 200;
