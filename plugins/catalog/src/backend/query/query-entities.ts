import { isDeepStrictEqual } from 'node:util';
import { InputError } from '@atrium/errors';
import type { LoggerService } from '@atrium/kernel';
import { DEFAULT_QUERY_LIMIT } from '../../common/catalog-types.js';
import type { SqlReader } from '../database/sql-reader.js';
import { joinJson, type StoredJson } from '../database/stored-json.js';
import { type EntityFields, projectJson } from './entity-fields.js';
import { andFilters, type EntityFilter, normalizeFilter } from './entity-filter.js';
import { countQuery, type EntityQuerySpec, type PagePosition, pageQuery } from './entity-query-sql.js';
import type { GenerationCache } from './generation-cache.js';
import { knownKinds } from './known-kinds.js';
import { parseFilterParams } from './parse-filter-params.js';
import { predicateToFilter } from './predicate-to-filter.js';
import { decodeCursor, encodeCursor, type QueryCursor } from './query-cursor.js';

/** A by-query request, from the GET parameters or the POST body. */
export interface QueryEntitiesRequest {
  /** GET: the raw `filter` parameters. */
  filterParams?: string[];
  /** POST: the predicate (kept verbatim in the cursor's `query` key). */
  predicate?: unknown;
  orderFields?: Array<{ field: string; order: 'asc' | 'desc' }>;
  fullTextFilter?: { term?: string; fields?: string[] };
  limit?: number;
  offset?: number;
  totalItems?: 'include' | 'exclude';
  cursor?: string;
  fields: EntityFields;
  /** The permission filter; `deny` when the caller may read nothing. */
  permission?: EntityFilter | 'deny';
}

interface Dependencies {
  sql: SqlReader;
  cache: GenerationCache;
  logger: LoggerService;
}

type Row = { id: number; sort_value?: string; json: StoredJson };

function initialCursor(request: QueryEntitiesRequest): QueryCursor {
  const term = request.fullTextFilter?.term?.trim();
  return {
    orderFields: request.orderFields ?? [],
    ...(request.filterParams?.length ? { filter: request.filterParams } : {}),
    ...(request.predicate !== undefined ? { query: request.predicate } : {}),
    ...(term ? { fullTextFilter: { term, fields: request.fullTextFilter?.fields } } : {}),
    isPrevious: false,
    ...(request.totalItems === 'exclude' ? { skipTotalItems: true } : {}),
  };
}

function cursorFilter(cursor: QueryCursor): EntityFilter | undefined {
  if (cursor.query !== undefined) return predicateToFilter(cursor.query);
  if (cursor.filter === undefined) return undefined;
  if (!Array.isArray(cursor.filter) || !cursor.filter.every((f) => typeof f === 'string')) {
    throw new InputError('Malformed cursor: filter must be a list of filter strings');
  }
  return parseFilterParams(cursor.filter as string[]);
}

function specOf(
  cursor: QueryCursor,
  permission: EntityFilter | undefined,
  logger: LoggerService,
): EntityQuerySpec {
  if (cursor.orderFields.length > 1) logger.warn('Only one sort field is supported, ignoring the rest');
  const first = cursor.orderFields[0];
  const sort = first ? { key: first.field.toLowerCase(), order: first.order } : undefined;
  const filter = andFilters(cursorFilter(cursor), permission);
  const fullText = toFullText(cursor.fullTextFilter, sort?.key);
  return { filter: filter ? normalizeFilter(filter) : undefined, sort, fullText };
}

/**
 * A `fullTextFilter` as the SQL takes it: the trimmed, lowercased term and the keys to
 * search, by default the sort key, else `metadata.uid` (Backstage's defaults); none for
 * an empty term.
 */
export function toFullText(
  text: { term?: string; fields?: string[] } | undefined,
  sortKey?: string,
): EntityQuerySpec['fullText'] {
  const term = text?.term?.trim();
  if (!term) return undefined;
  const fields = text?.fields?.length ? text.fields : [sortKey ?? 'metadata.uid'];
  return { term: term.toLowerCase(), keys: fields.map((field) => field.toLowerCase()) };
}

const positionOf = (row: Row | undefined, sorted: boolean): Array<string | number | null> | undefined =>
  row ? (sorted ? [row.sort_value ?? null, Number(row.id)] : [Number(row.id)]) : undefined;

// A position is [entity id], or [sort value, entity id] on a sorted query: anything else
// (-1e308, 1e308, text, fractions) would reach the database as a bigint it refuses.
function toPosition(values: QueryCursor['orderFieldValues'], sorted: boolean): PagePosition | undefined {
  if (!values) return undefined;
  const [value, id] = sorted ? values : [null, values[0]];
  const isId = typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
  if (values.length !== (sorted ? 2 : 1) || !isId || (value !== null && typeof value !== 'string')) {
    throw new InputError(
      `Malformed cursor: a position must be ${sorted ? '[sort value, entity id]' : '[entity id]'} with a non-negative integer id`,
    );
  }
  return sorted ? { value, id } : { id };
}

function body(rows: Row[], fields: EntityFields, totalItems: number, next?: QueryCursor, prev?: QueryCursor) {
  const pageInfo: Record<string, string> = {};
  if (next) pageInfo.nextCursor = encodeCursor(next);
  if (prev) pageInfo.prevCursor = encodeCursor(prev);
  const items = rows.map((row) => projectJson(row.json, fields));
  return joinJson(
    '{"items":[',
    items,
    `],"totalItems":${totalItems},"pageInfo":${JSON.stringify(pageInfo)}}`,
  );
}

/**
 * Answers `GET|POST /entities/by-query`: one page in entity-id (or sort key) order with
 * keyset cursors both ways, the total counted on the first page (cached per catalog
 * generation) and carried in the cursor. Returns the JSON body, pre-serialized.
 *
 * @example
 * const json = await queryEntities(deps, { filterParams: ['kind=component'], limit: 50, fields: undefined });
 */
export async function queryEntities(deps: Dependencies, request: QueryEntitiesRequest): Promise<string> {
  const cursor = request.cursor ? decodeCursor(request.cursor) : initialCursor(request);
  const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
  if (request.permission === 'deny') return body([], request.fields, 0);
  const spec = specOf(cursor, request.permission, deps.logger);
  const sorted = spec.sort !== undefined;
  toPosition(cursor.firstSortFieldValues, sorted);
  const kinds = await knownKinds(deps.sql, deps.cache);
  const totalItems =
    cursor.totalItems ??
    (cursor.skipTotalItems
      ? 0
      : await deps.cache.get(`count:${JSON.stringify(spec)}`, async () => {
          const [row] = await deps.sql.all(countQuery(spec, kinds).$castTo<{ n: number }>());
          return Number(row?.n ?? 0);
        }));
  const backwards = cursor.isPrevious;
  let rows: Row[] = [];
  if (limit > 0) {
    const query = pageQuery(
      spec,
      {
        limit: backwards ? limit : limit + 1,
        offset: request.cursor ? undefined : request.offset,
        after: toPosition(cursor.orderFieldValues, sorted),
        backwards,
      },
      kinds,
    );
    rows = await deps.sql.all(query.$castTo<Row>());
    if (backwards) rows.reverse();
  }
  const hasMore = limit > 0 && (backwards || rows.length > limit);
  if (rows.length > limit) rows.length = limit;
  const first = positionOf(rows[0], sorted);
  const firstSortFieldValues = cursor.firstSortFieldValues ?? first;
  const common = { ...cursor, firstSortFieldValues, totalItems };
  const next = hasMore
    ? { ...common, orderFieldValues: positionOf(rows.at(-1), sorted), isPrevious: false }
    : undefined;
  const isInitial = cursor.firstSortFieldValues === undefined;
  const prev =
    !isInitial && rows.length > 0 && !isDeepStrictEqual(first, cursor.firstSortFieldValues)
      ? { ...common, orderFieldValues: first, isPrevious: true }
      : undefined;
  return body(rows, request.fields, totalItems, next, prev);
}
