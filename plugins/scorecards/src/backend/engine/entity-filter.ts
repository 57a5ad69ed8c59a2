import type { ScorecardsEntityFilter } from '../../common/index.js';

/** The parts of an entity a filter reads. */
export interface FilterableEntity {
  kind: string;
  metadata: Record<string, unknown>;
  spec?: Record<string, unknown>;
  relations?: ReadonlyArray<{ type: string; targetRef: string }>;
}

// Keys may hold dots (`backstage.io/techdocs-ref` annotations): at each level try the
// longest remaining key first, as the catalog does for its own filters.
function valuesAt(value: unknown, parts: string[]): unknown[] {
  if (parts.length === 0) return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, parts));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  for (let take = parts.length; take >= 1; take--) {
    const key = parts.slice(0, take).join('.');
    const match = Object.keys(record).find((candidate) => candidate.toLowerCase() === key);
    if (match !== undefined) return valuesAt(record[match], parts.slice(take));
  }
  return [];
}

function fieldValues(entity: FilterableEntity, key: string): string[] {
  const lower = key.toLowerCase();
  if (lower.startsWith('relations.')) {
    const type = lower.slice('relations.'.length);
    return (entity.relations ?? [])
      .filter((relation) => relation.type.toLowerCase() === type)
      .map((relation) => relation.targetRef.toLowerCase());
  }
  return valuesAt(entity, lower.split('.'))
    .filter((value) => ['string', 'number', 'boolean'].includes(typeof value))
    .map((value) => String(value).toLowerCase());
}

function matchesSet(
  entity: FilterableEntity,
  set: Readonly<Record<string, string | readonly string[]>>,
): boolean {
  return Object.entries(set).every(([key, expected]) => {
    const wanted = (typeof expected === 'string' ? [expected] : expected).map((value) => value.toLowerCase());
    if (wanted.length === 0) return true;
    const actual = fieldValues(entity, key);
    return actual.some((value) => wanted.includes(value));
  });
}

/**
 * Whether an entity matches a catalog filter (the catalog's grammar: keys ANDed within a
 * set, list values ORed, several sets ORed, case-insensitive). No filter matches all.
 *
 * @example
 * matchesEntityFilter(entity, { kind: 'component', 'spec.lifecycle': ['production', 'experimental'] });
 */
export function matchesEntityFilter(
  entity: FilterableEntity,
  filter: ScorecardsEntityFilter | undefined,
): boolean {
  if (filter === undefined) return true;
  const sets = Array.isArray(filter) ? filter : [filter];
  if (sets.length === 0) return true;
  return sets.some((set) => matchesSet(entity, set));
}

/** Whether a definition with `filter` and `exclude` applies to the entity. */
export function appliesTo(
  entity: FilterableEntity,
  definition: { filter?: ScorecardsEntityFilter; exclude?: ScorecardsEntityFilter },
): boolean {
  if (!matchesEntityFilter(entity, definition.filter)) return false;
  return definition.exclude === undefined || !matchesEntityFilter(entity, definition.exclude);
}
