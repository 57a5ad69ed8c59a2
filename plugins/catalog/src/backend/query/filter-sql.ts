import { placeholders } from '../database/sql-client.js';
import { NULL_VALUE } from '../stitching/build-search-rows.js';
import { type EntityFilter, type EntityFilterLeaf, isFilterLeaf } from './entity-filter.js';

/** A piece of SQL with its `?` parameters in order. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * How leaves test an entity. The search primary key is (key, kind, value, entity id), so
 * a lookup needs the kind: `probe` tests one row's entity through its kind column (a
 * primary-key seek per row, for the rows of a page); `set` builds the set of matching ids
 * once per query over the given kinds (one seek per kind; for scans and counts).
 */
export type LeafContext =
  | { id: string; mode: 'probe'; kindColumn: string }
  | { id: string; mode: 'set'; kinds: readonly string[] };

// The largest code point: every string starting with `prefix` sorts below prefix + it.
const MAX_CHAR = String.fromCodePoint(0x10ffff);

function kindsClause(kinds: readonly string[]): SqlFragment {
  return kinds.length === 0
    ? { sql: '1 = 0', params: [] }
    : { sql: `kind IN (${placeholders(kinds.length)})`, params: [...kinds] };
}

function valueClause(leaf: EntityFilterLeaf, column: string): SqlFragment {
  if (leaf.prefix !== undefined) {
    return {
      sql: `${column} >= ? AND ${column} < ? AND ${column} <> ?`,
      params: [leaf.prefix, leaf.prefix + MAX_CHAR, NULL_VALUE],
    };
  }
  const values = leaf.values ?? [];
  return { sql: `${column} IN (${placeholders(values.length)})`, params: values };
}

function leafCondition(leaf: EntityFilterLeaf, context: LeafContext): SqlFragment {
  if (leaf.values && leaf.values.length === 0) return { sql: '1 = 0', params: [] };
  const { id } = context;
  if (!leaf.values && leaf.prefix === undefined) {
    return { sql: `${id} IN (SELECT entity_id FROM search WHERE key = ?)`, params: [leaf.key] };
  }
  if (context.mode === 'probe') {
    const value = valueClause(leaf, 'x.value');
    return {
      sql: `EXISTS (SELECT 1 FROM search x WHERE x.key = ? AND x.kind = ${context.kindColumn} AND ${value.sql} AND x.entity_id = ${id})`,
      params: [leaf.key, ...value.params],
    };
  }
  const kinds = kindsClause(context.kinds);
  const value = valueClause(leaf, 'value');
  return {
    sql: `${id} IN (SELECT entity_id FROM search WHERE key = ? AND ${kinds.sql} AND ${value.sql})`,
    params: [leaf.key, ...kinds.params, ...value.params],
  };
}

/**
 * A boolean SQL expression that is true when the entity whose id is `context.id` matches
 * the filter.
 *
 * @example
 * filterCondition({ key: 'spec.type', values: ['service'] }, { id: 's.entity_id', mode: 'probe', kindColumn: 's.kind' });
 */
export function filterCondition(filter: EntityFilter, context: LeafContext): SqlFragment {
  if (isFilterLeaf(filter)) return leafCondition(filter, context);
  if ('not' in filter) {
    const inner = filterCondition(filter.not, context);
    return { sql: `NOT (${inner.sql})`, params: inner.params };
  }
  const isAll = 'allOf' in filter;
  const parts = (isAll ? filter.allOf : filter.anyOf).map((part) => filterCondition(part, context));
  if (parts.length === 0) return { sql: isAll ? '1 = 1' : '1 = 0', params: [] };
  return {
    sql: `(${parts.map((part) => part.sql).join(isAll ? ' AND ' : ' OR ')})`,
    params: parts.flatMap((part) => part.params),
  };
}

/** Conditions ANDed together (`1 = 1` when there are none). */
export function allConditions(parts: SqlFragment[]): SqlFragment {
  if (parts.length === 0) return { sql: '1 = 1', params: [] };
  return { sql: parts.map((part) => part.sql).join(' AND '), params: parts.flatMap((part) => part.params) };
}

const isEquality = (part: EntityFilter): part is EntityFilterLeaf & { values: string[] } =>
  isFilterLeaf(part) && Array.isArray(part.values) && part.values.length > 0 && part.prefix === undefined;

/** The top-level conjuncts of a filter. */
function conjuncts(filter: EntityFilter | undefined): EntityFilter[] {
  if (!filter) return [];
  return !isFilterLeaf(filter) && 'allOf' in filter ? filter.allOf : [filter];
}

/** A conjunction split into the one kind it requires (if any) and its other conjuncts. */
export interface KindSplit {
  kind?: string;
  rest: EntityFilter[];
}

/**
 * Finds the single kind a filter requires (`kind=component`, possibly among other
 * conditions) and returns the remaining conditions.
 *
 * @example
 * splitKind({ allOf: [{ key: 'kind', values: ['component'] }, { key: 'spec.type', values: ['service'] }] });
 * // { kind: 'component', rest: [spec.type=service] }
 */
export function splitKind(filter: EntityFilter | undefined): KindSplit {
  const parts = conjuncts(filter);
  const leaf = parts.find((part) => isEquality(part) && part.key === 'kind' && part.values.length === 1);
  if (!leaf || !isFilterLeaf(leaf)) return { rest: parts };
  return { kind: leaf.values?.[0], rest: parts.filter((part) => part !== leaf) };
}

/** Picks the driving equality leaf (single value) among a kind-constrained conjunction's conditions. */
export function pickDriver(rest: EntityFilter[]): (EntityFilterLeaf & { values: string[] }) | undefined {
  return rest.find(
    (part): part is EntityFilterLeaf & { values: string[] } => isEquality(part) && part.values.length === 1,
  );
}
