import { sql } from '@atrium/kernel';
import { NULL_VALUE } from '../stitching/build-search-rows.js';
import { andFilters, type EntityFilter, isFilterLeaf } from './entity-filter.js';
import {
  allConditions,
  filterCondition,
  type KindSplit,
  pickDriver,
  type SqlFragment,
  splitKind,
  TRUE_CONDITION,
} from './filter-sql.js';

/** What to select: filters (the caller's and the permission filter), sort, text search. */
export interface EntityQuerySpec {
  filter?: EntityFilter;
  /** Lowercased sort key and direction; entities without the key are not in the result. */
  sort?: { key: string; order: 'asc' | 'desc' };
  /** Lowercased term and keys for substring matching. */
  fullText?: { term: string; keys: string[] };
}

/** Where a page starts: after (or, going backwards, before) this row. */
export interface PagePosition {
  value?: string | null;
  id: number;
}

/** One page request. */
export interface PageRequest {
  limit: number;
  offset?: number;
  after?: PagePosition;
  backwards?: boolean;
}

const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The words of a full-text term: whitespace-separated, each matched on its own. */
export function fullTextWords(term: string): string[] {
  return [...new Set(term.split(/\s+/).filter((word) => word !== ''))];
}

/**
 * Full-text conditions on an entity id column: every word of the term must be a substring
 * of one of the keys' values (AND, as Backstage's catalog page filters by text). A term
 * without spaces is Backstage's `fullTextFilter` exactly: one case-insensitive substring.
 */
export function fullTextCondition(
  spec: Pick<EntityQuerySpec, 'fullText'>,
  id: string,
  kinds: readonly string[],
): SqlFragment[] {
  if (!spec.fullText) return [];
  const { term, keys } = spec.fullText;
  if (kinds.length === 0) return [sql`1 = 0`];
  return fullTextWords(term).map(
    (word) =>
      sql`${sql.ref(id)} IN (SELECT entity_id FROM search WHERE key IN (${sql.join(keys)}) AND kind IN (${sql.join(kinds)}) AND value LIKE ${likeTerm(word)} ESCAPE '\\')`,
  );
}

function keyset(
  column: string,
  after: PagePosition | undefined,
  descending: boolean,
  sorted: boolean,
): SqlFragment[] {
  if (!after) return [];
  const op = sql.raw(descending ? '<' : '>');
  if (!sorted) return [sql`${sql.ref(column)} ${op} ${after.id}`];
  return [
    sql`(s.value ${op} ${after.value} OR (s.value = ${after.value} AND s.entity_id ${op} ${after.id}))`,
  ];
}

// Limits and offsets are written into the SQL, as the planner sees a constant row count.
function finish(
  select: SqlFragment,
  from: SqlFragment,
  where: SqlFragment,
  orderBy: SqlFragment,
  page: PageRequest,
): SqlFragment {
  const offset = page.offset ? sql` OFFSET ${sql.lit(Math.floor(page.offset))}` : sql``;
  return sql`SELECT ${select} FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ${sql.lit(Math.floor(page.limit))}${offset}`;
}

const direction = (descending: boolean) => sql.raw(descending ? 'DESC' : 'ASC');

function kindRange(kind: string | undefined, kinds: readonly string[]): SqlFragment {
  if (kind !== undefined) return sql`s.kind = ${kind}`;
  return kinds.length === 0 ? sql`1 = 0` : sql`s.kind IN (${sql.join(kinds)})`;
}

/** Whether rows are read in descending sort order (a backwards page flips the order). */
const isDescending = (spec: EntityQuerySpec, page: PageRequest) =>
  (spec.sort?.order === 'desc') !== Boolean(page.backwards);

function sortedWhere(
  spec: EntityQuerySpec,
  sortKey: string,
  page: PageRequest,
  { kind, rest }: KindSplit,
  kinds: readonly string[],
): SqlFragment {
  const descending = isDescending(spec, page);
  const scope = kind !== undefined ? [kind] : kinds;
  const fullText =
    spec.fullText && spec.fullText.keys.length === 1 && spec.fullText.keys[0] === sortKey
      ? fullTextWords(spec.fullText.term).map((word) => sql`s.value LIKE ${likeTerm(word)} ESCAPE '\\'`)
      : fullTextCondition(spec, 's.entity_id', scope);
  return allConditions([
    sql`s.key = ${sortKey}`,
    kindRange(kind, kinds),
    sql`s.value <> ${NULL_VALUE}`,
    ...rest.map((part) => filterCondition(part, { id: 's.entity_id', mode: 'probe', kindColumn: 's.kind' })),
    ...fullText,
    ...keyset('s.entity_id', page.after, descending, true),
  ]);
}

// Without a kind, the sort key's rows of all kinds are not one ordered index range, and
// SQLite would sort every entity (0.4 s at 100k). Each kind's range is ordered, though:
// take the first rows of each and merge those.
function mergedSortedPage(
  spec: EntityQuerySpec,
  sortKey: string,
  page: PageRequest,
  rest: EntityFilter[],
  kinds: readonly string[],
): SqlFragment {
  const order = direction(isDescending(spec, page));
  const perKind = sql.lit(Math.floor(page.limit + (page.offset ?? 0)));
  const parts = kinds.map((kind, index) => {
    const where = sortedWhere(spec, sortKey, page, { kind, rest }, kinds);
    return sql`SELECT * FROM (SELECT s.entity_id AS id, s.value AS sort_value FROM search s WHERE ${where} ORDER BY s.value ${order}, s.entity_id ${order} LIMIT ${perKind}) AS ${sql.ref(`k${index}`)}`;
  });
  return finish(
    sql`u.id AS id, u.sort_value AS sort_value, f.final_entity AS json`,
    sql`(${sql.join(parts, sql` UNION ALL `)}) AS u JOIN final_entities f ON f.entity_id = u.id`,
    TRUE_CONDITION,
    sql`u.sort_value ${order}, u.id ${order}`,
    page,
  );
}

function sortedPage(
  spec: EntityQuerySpec,
  sortKey: string,
  page: PageRequest,
  kinds: readonly string[],
): SqlFragment {
  const split = splitKind(spec.filter);
  if (split.kind === undefined && kinds.length > 1)
    return mergedSortedPage(spec, sortKey, page, split.rest, kinds);
  const order = direction(isDescending(spec, page));
  return finish(
    sql`s.entity_id AS id, s.value AS sort_value, f.final_entity AS json`,
    sql`search s JOIN final_entities f ON f.entity_id = s.entity_id`,
    sortedWhere(spec, sortKey, page, split, kinds),
    sql`s.value ${order}, s.entity_id ${order}`,
    page,
  );
}

/**
 * How a kind-constrained conjunction is read: from one index range (the kind's, or a
 * single-value leaf's, in entity-id order), or from the entities in a few-valued leaf's
 * ranges (`set`), with the conditions left to check per row.
 */
type Driven =
  | { mode: 'range'; key: string; value: string; rest: EntityFilter[] }
  | { mode: 'set'; key: string; values: string[]; rest: EntityFilter[] };

function driven(kind: string, rest: EntityFilter[]): Driven {
  const driver = pickDriver(rest);
  if (!driver) return { mode: 'range', key: 'kind', value: kind, rest };
  const others = rest.filter((part) => part !== driver);
  return driver.values.length === 1
    ? { mode: 'range', key: driver.key, value: driver.values[0] as string, rest: others }
    : { mode: 'set', key: driver.key, values: driver.values, rest: others };
}

/**
 * The conditions of a kind-constrained read. A range is read as search rows `s`; a set
 * as entities `f` whose id is in the leaf's ranges: SQLite seeks each id in order (no
 * sort, no duplicates when an entity has several of the values), PostgreSQL semi-joins.
 */
function drivenWhere(spec: EntityQuerySpec, kind: string, read: Driven, after: SqlFragment[]) {
  const id = read.mode === 'range' ? 's.entity_id' : 'f.entity_id';
  const head =
    read.mode === 'range'
      ? sql`s.key = ${read.key} AND s.kind = ${kind} AND s.value = ${read.value}`
      : sql`f.entity_id IN (SELECT entity_id FROM search WHERE key = ${read.key} AND kind = ${kind} AND value IN (${sql.join(read.values)}))`;
  return allConditions([
    head,
    ...read.rest.map((part) => filterCondition(part, { id, mode: 'probe', kind })),
    ...fullTextCondition(spec, id, [kind]),
    ...after,
  ]);
}

/**
 * The SQL of one page of entities, in entity-id order (or by the sort key, ties by id).
 * When the filter names one kind, the page is read from one search-index range in
 * entity-id order: about `limit` index rows, whatever the catalog size. `kinds` lists
 * every kind in the catalog (for lookups that do not name one).
 *
 * @example
 * const rows = await reader.all(pageQuery({ filter: { key: 'kind', values: ['component'] } }, { limit: 51 }, kinds);
 */
export function pageQuery(spec: EntityQuerySpec, page: PageRequest, kinds: readonly string[]): SqlFragment {
  if (spec.sort) return sortedPage(spec, spec.sort.key, page, kinds);
  const descending = Boolean(page.backwards);
  const order = direction(descending);
  const { kind, rest } = splitKind(spec.filter);
  if (kind !== undefined) {
    const read = driven(kind, rest);
    const id = read.mode === 'range' ? 's.entity_id' : 'f.entity_id';
    return finish(
      sql`${sql.ref(id)} AS id, f.final_entity AS json`,
      read.mode === 'range'
        ? sql`search s JOIN final_entities f ON f.entity_id = s.entity_id`
        : sql`final_entities f`,
      drivenWhere(spec, kind, read, keyset(id, page.after, descending, false)),
      sql`${sql.ref(id)} ${order}`,
      page,
    );
  }
  const where = allConditions([
    ...(spec.filter ? [filterCondition(spec.filter, { id: 'f.entity_id', mode: 'set', kinds })] : []),
    ...fullTextCondition(spec, 'f.entity_id', kinds),
    ...keyset('f.entity_id', page.after, descending, false),
  ]);
  return finish(
    sql`f.entity_id AS id, f.final_entity AS json`,
    sql`final_entities f`,
    where,
    sql`f.entity_id ${order}`,
    page,
  );
}

/** The SQL counting every entity of the query (all pages); one index range when it names a kind. */
export function countQuery(spec: EntityQuerySpec, kinds: readonly string[]): SqlFragment {
  if (spec.sort && spec.filter === undefined && !spec.fullText && kinds.length > 0) {
    // Everything that has the sort key, as the sorted page reads it: one index range per kind.
    return sql`SELECT count(DISTINCT entity_id) AS n FROM search WHERE key = ${spec.sort.key} AND kind IN (${sql.join(kinds)}) AND value <> ${NULL_VALUE}`;
  }
  const filter = spec.sort ? andFilters(spec.filter, { key: spec.sort.key }) : spec.filter;
  const { kind, rest } = splitKind(filter);
  if (kind !== undefined) {
    const read = driven(kind, rest);
    const from = read.mode === 'range' ? sql`search s` : sql`final_entities f`;
    return sql`SELECT count(*) AS n FROM ${from} WHERE ${drivenWhere(spec, kind, read, [])}`;
  }
  if (filter && isFilterLeaf(filter) && filter.values?.length && !spec.fullText && kinds.length > 0) {
    return sql`SELECT count(DISTINCT entity_id) AS n FROM search WHERE key = ${filter.key} AND kind IN (${sql.join(kinds)}) AND value IN (${sql.join(filter.values)})`;
  }
  const where = allConditions([
    ...(filter ? [filterCondition(filter, { id: 'f.entity_id', mode: 'set', kinds })] : []),
    ...fullTextCondition(spec, 'f.entity_id', kinds),
  ]);
  return sql`SELECT count(*) AS n FROM final_entities f WHERE ${where}`;
}
