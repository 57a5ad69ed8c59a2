import type { Entity } from '@atrium/catalog-model';
import { InputError } from '@atrium/errors';

/** One row of the filter index. */
export interface SearchRow {
  key: string;
  /** Lowercased value, or {@link NULL_VALUE} when it cannot be matched (null, or too long). */
  value: string;
  entityId: number;
  kind: string;
  /** The value as written, only when it differs from `value` (facets show original casing). */
  original: string | null;
}

/**
 * Stands for "no matchable value" (null, or longer than 200 characters): existence
 * filters still see the key, equality never matches. A primary key column cannot be
 * NULL, and PostgreSQL text cannot hold U+0000, hence U+0001.
 */
export const NULL_VALUE = '\u0001';

const MAX_KEY_LENGTH = 200;
const MAX_VALUE_LENGTH = 200;
// Not indexed by the generic walk: output-only data, and keys added explicitly below.
const SKIPPED = new Set([
  'attachments',
  'relations',
  'status',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'metadata.etag',
]);

type Pair = [key: string, value: unknown];

function walk(path: string, value: unknown, out: Pair[], arrayKeys: Set<string>): void {
  if (SKIPPED.has(path)) return;
  if (value === null || value === undefined || typeof value !== 'object') {
    if (value === undefined || typeof value !== 'function') out.push([path, value ?? null]);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      walk(path, item, out, arrayKeys);
      if (typeof item !== 'string') continue;
      // Each string item also becomes `<path>.<item>` = true, so one filter set can require several tags.
      const itemKey = `${path}.${item}`;
      if (arrayKeys.has(itemKey.toLowerCase())) continue;
      arrayKeys.add(itemKey.toLowerCase());
      out.push([itemKey, true]);
    }
    return;
  }
  for (const [key, item] of Object.entries(value)) walk(path ? `${path}.${key}` : key, item, out, arrayKeys);
}

function assertNoCaseDuplicates(pairs: Pair[]): void {
  const byLower = new Map<string, string>();
  for (const [key] of pairs) {
    const lower = key.toLowerCase();
    const seen = byLower.get(lower);
    if (seen === undefined) byLower.set(lower, key);
    else if (seen !== key) {
      throw new InputError(
        `entity has keys that differ only in casing: '${seen}' and '${key}'; rename one of them`,
      );
    }
  }
}

/**
 * The filter-index rows of a served entity: every scalar leaf under its lowercased dotted
 * path, array items also as `<path>.<item>` = true, plus `metadata.name`,
 * `metadata.namespace` (`default` when absent), `metadata.uid` and `relations.<type>`.
 * Throws when two keys differ only in case, which the index could not tell apart.
 *
 * @example
 * buildSearchRows(7, entity).find((row) => row.key === 'spec.type'); // { key: 'spec.type', value: 'service', ... }
 */
export function buildSearchRows(entityId: number, entity: Entity): SearchRow[] {
  const pairs: Pair[] = [];
  walk('', entity, pairs, new Set());
  const metadata = entity.metadata;
  pairs.push(['metadata.name', metadata.name], ['metadata.namespace', metadata.namespace ?? null]);
  if (!metadata.namespace) pairs.push(['metadata.namespace', 'default']);
  pairs.push(['metadata.uid', metadata.uid ?? null]);
  for (const relation of entity.relations ?? [])
    pairs.push([`relations.${relation.type}`, relation.targetRef]);
  assertNoCaseDuplicates(pairs);
  const kind = String(entity.kind).toLowerCase();
  const rows: SearchRow[] = [];
  const seen = new Set<string>();
  for (const [rawKey, rawValue] of pairs) {
    // PostgreSQL text cannot hold U+0000 (processing refuses such entities; this keeps the
    // index writable whatever reaches it).
    const key = rawKey.toLowerCase().replaceAll('\u0000', '');
    if (key.length > MAX_KEY_LENGTH) continue;
    const text = rawValue === null ? null : String(rawValue).replaceAll('\u0000', '');
    const lower = text?.toLowerCase();
    const value = lower === undefined || lower.length > MAX_VALUE_LENGTH ? NULL_VALUE : lower;
    const identity = `${key}\u0000${value}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const original = value !== NULL_VALUE && text !== value ? text : null;
    rows.push({ key, value, entityId, kind, original: original ?? null });
  }
  return rows;
}
