import { InputError } from '@atrium/errors';
import type { EntityFilter, EntityFilterLeaf } from './entity-filter.js';
import { checkFilterSize } from './filter-limits.js';

/** A query parameter as Fastify hands it over: absent, once, or repeated. */
export type QueryParam = string | string[] | undefined;

/** The values of a repeatable parameter. */
export function paramList(value: QueryParam): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function parseFilterSet(text: string): EntityFilter | undefined {
  const statements = text
    .split(',')
    .map((statement) => statement.trim())
    .filter(Boolean);
  if (statements.length === 0) return undefined;
  const byKey = new Map<string, EntityFilterLeaf & { exists?: boolean }>();
  for (const statement of statements) {
    const equals = statement.indexOf('=');
    const key = (equals === -1 ? statement : statement.slice(0, equals)).trim().toLowerCase();
    if (!key) {
      throw new InputError(
        `Invalid filter, '${statement}' is not a valid statement (expected a string on the form a=b or a= or a)`,
      );
    }
    const leaf = byKey.get(key) ?? { key };
    byKey.set(key, leaf);
    if (equals === -1) {
      leaf.exists = true;
      continue;
    }
    leaf.values ??= [];
    leaf.values.push(
      statement
        .slice(equals + 1)
        .trim()
        .toLowerCase(),
    );
  }
  const leaves: EntityFilter[] = [...byKey.values()].map(({ key, values }) =>
    values ? { key, values } : { key },
  );
  return leaves.length === 1 ? leaves[0] : { allOf: leaves };
}

/**
 * Parses repeated `filter` parameters the way Backstage does: each parameter is a set of
 * comma-separated conditions (`key`, `key=value`, `key=`) that are ANDed, except that a
 * key repeated inside one set ORs its values; the sets are ORed.
 *
 * @example
 * parseFilterParams(['kind=component,spec.type=service', 'kind=api']);
 * // { anyOf: [{ allOf: [kind=component, spec.type=service] }, kind=api] }
 */
export function parseFilterParams(param: QueryParam): EntityFilter | undefined {
  const sets = paramList(param)
    .map(parseFilterSet)
    .filter((set): set is EntityFilter => set !== undefined);
  if (sets.length === 0) return undefined;
  return checkFilterSize(sets.length === 1 ? sets[0] : { anyOf: sets });
}
