/**
 * What one request may ask of the catalog. Each limit keeps a request from becoming a
 * statement the database cannot run (SQLite binds at most 32,766 parameters, PostgreSQL
 * 65,535), a recursion that overflows the stack, or a row PostgreSQL cannot index; going
 * over one is a 400 whose message names it. The catalog README lists them.
 *
 * @example
 * if (refs.length > CATALOG_LIMITS.maxEntityRefs) splitIntoChunks(refs);
 */
export const CATALOG_LIMITS = {
  /** Nesting of objects and arrays in one filter predicate (body, cursor, location query). */
  maxPredicateDepth: 32,
  /** Values and conditions in the filter of one request (`filter` parameters or a predicate). */
  maxFilterValues: 5000,
  /** Refs in one `POST /entities/by-refs` (Backstage's client sends at most 1000). */
  maxEntityRefs: 10_000,
  /** Facets in one `entity-facets` request. */
  maxFacets: 100,
  /** UTF-8 bytes of a registered location's target (PostgreSQL indexes it). */
  maxLocationTargetBytes: 2048,
  /** Characters of a registered location's type. */
  maxLocationTypeLength: 64,
  /** Parameters of one SQL statement a request may cause (under SQLite's 32,766). */
  maxQueryParameters: 30_000,
} as const;

/** The message of a request over a limit, naming it. */
export function overLimit(what: string, limit: keyof typeof CATALOG_LIMITS): string {
  return `${what}, more than the ${CATALOG_LIMITS[limit]} allowed (catalog limit ${limit})`;
}
