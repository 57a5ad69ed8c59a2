import { sql } from '@atrium/kernel';
import type { SqlFragment } from '../database/sql-client.js';
import { NULL_VALUE } from '../stitching/build-search-rows.js';
import { type EntityFilter, type EntityFilterLeaf, isFilterLeaf } from './entity-filter.js';

export type { SqlFragment };

/**
 * How leaves test an entity. The search primary key is (key, kind, value, entity id), so
 * a lookup needs the kind: `probe` tests one row's entity through its kind column (a
 * primary-key seek per row, for the rows of a page); `set` builds the set of matching ids
 * once per query over the given kinds (one seek per kind; for scans and counts). Columns
 * are written `alias.column`.
 */
export type LeafContext =
  | { id: string; mode: 'probe'; kindColumn: string }
  | { id: string; mode: 'probe'; kind: string }
  | { id: string; mode: 'set'; kinds: readonly string[] };

// The largest code point: every string starting with `prefix` sorts below prefix + it.
const MAX_CHAR = String.fromCodePoint(0x10ffff);

/** Always true. */
export const TRUE_CONDITION: SqlFragment = sql`1 = 1`;
const FALSE_CONDITION: SqlFragment = sql`1 = 0`;

function kindsClause(kinds: readonly string[]): SqlFragment {
  return kinds.length === 0 ? FALSE_CONDITION : sql`kind IN (${sql.join(kinds)})`;
}

function valueClause(leaf: EntityFilterLeaf, column: string): SqlFragment {
  const ref = sql.ref(column);
  if (leaf.prefix !== undefined) {
    return sql`${ref} >= ${leaf.prefix} AND ${ref} < ${leaf.prefix + MAX_CHAR} AND ${ref} <> ${NULL_VALUE}`;
  }
  return sql`${ref} IN (${sql.join(leaf.values ?? [])})`;
}

function leafCondition(leaf: EntityFilterLeaf, context: LeafContext): SqlFragment {
  if (leaf.values && leaf.values.length === 0) return FALSE_CONDITION;
  const id = sql.ref(context.id);
  if (!leaf.values && leaf.prefix === undefined) {
    return sql`${id} IN (SELECT entity_id FROM search WHERE key = ${leaf.key})`;
  }
  if (context.mode === 'probe') {
    const kind = 'kind' in context ? sql`${context.kind}` : sql.ref(context.kindColumn);
    return sql`EXISTS (SELECT 1 FROM search x WHERE x.key = ${leaf.key} AND x.kind = ${kind} AND ${valueClause(leaf, 'x.value')} AND x.entity_id = ${id})`;
  }
  return sql`${id} IN (SELECT entity_id FROM search WHERE key = ${leaf.key} AND ${kindsClause(context.kinds)} AND ${valueClause(leaf, 'value')})`;
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
  if ('not' in filter) return sql`NOT (${filterCondition(filter.not, context)})`;
  const isAll = 'allOf' in filter;
  const parts = (isAll ? filter.allOf : filter.anyOf).map((part) => filterCondition(part, context));
  if (parts.length === 0) return isAll ? TRUE_CONDITION : FALSE_CONDITION;
  return sql`(${sql.join(parts, isAll ? sql` AND ` : sql` OR `)})`;
}

/** Conditions ANDed together (`1 = 1` when there are none). */
export function allConditions(parts: SqlFragment[]): SqlFragment {
  return parts.length === 0 ? TRUE_CONDITION : sql.join(parts, sql` AND `);
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

/** At most this many values let an equality leaf drive a query as a set of index ranges. */
export const MAX_SET_DRIVER_VALUES = 64;

type EqualityLeaf = EntityFilterLeaf & { values: string[] };

/**
 * Picks the driving equality leaf among a kind-constrained conjunction's conditions: a
 * single value (one index range, already in entity-id order) if there is one, else a
 * leaf of a few values other than the kind (`relations.ownedby IN (the caller's refs)`,
 * as a permission's ownership condition gives), read as the union of its ranges. Either
 * is usually far narrower than the kind's range, which would otherwise be scanned and
 * every row probed.
 */
export function pickDriver(rest: EntityFilter[]): EqualityLeaf | undefined {
  const equalities = rest.filter((part): part is EqualityLeaf => isEquality(part));
  return (
    equalities.find((part) => part.values.length === 1) ??
    equalities.find((part) => part.key !== 'kind' && part.values.length <= MAX_SET_DRIVER_VALUES)
  );
}
