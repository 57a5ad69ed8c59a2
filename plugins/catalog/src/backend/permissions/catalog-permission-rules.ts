import type { Entity } from '@atrium/catalog-model';
import type { PermissionRule } from '@atrium/kernel';
import { CATALOG_PERMISSION_RULES, RESOURCE_TYPE_CATALOG_ENTITY } from '../../common/catalog-permissions.js';
import type { EntityFilter } from '../query/entity-filter.js';

type Params = Record<string, unknown>;

function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const text = (params: Params, name: string) => {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
};
const list = (params: Params, name: string) => {
  const value = params[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};
const equal = (actual: unknown, expected: string | undefined) =>
  expected === undefined
    ? actual !== undefined
    : typeof actual === 'string' && actual.toLowerCase() === expected.toLowerCase();
const leaf = (key: string, value: string | undefined): EntityFilter =>
  value === undefined
    ? { key: key.toLowerCase() }
    : { key: key.toLowerCase(), values: [value.toLowerCase()] };

function rule(
  name: string,
  description: string,
  apply: (entity: Entity, params: Params) => boolean,
  toQuery: (params: Params) => EntityFilter,
): PermissionRule<Entity, EntityFilter> {
  return { name, description, resourceType: RESOURCE_TYPE_CATALOG_ENTITY, apply, toQuery };
}

/**
 * The rules behind conditional `catalog-entity` decisions, with Backstage's names and
 * parameters. Each checks one entity (`apply`) and becomes a filter the queries run in the
 * database (`toQuery`), so lists simply omit what the caller may not see.
 */
export const catalogPermissionRules: PermissionRule<Entity, EntityFilter>[] = [
  rule(
    CATALOG_PERMISSION_RULES.isEntityKind,
    'Allow entities of the given kinds ({ kinds: string[] })',
    (entity, params) =>
      list(params, 'kinds').some((kind) => kind.toLowerCase() === entity.kind.toLowerCase()),
    (params) => ({ key: 'kind', values: list(params, 'kinds').map((kind) => kind.toLowerCase()) }),
  ),
  rule(
    CATALOG_PERMISSION_RULES.isEntityOwner,
    'Allow entities owned by one of the claims ({ claims: string[] }, entity refs)',
    (entity, params) => {
      const claims = new Set(list(params, 'claims').map((claim) => claim.toLowerCase()));
      return (entity.relations ?? []).some(
        (r) => r.type === 'ownedBy' && claims.has(r.targetRef.toLowerCase()),
      );
    },
    (params) => ({
      key: 'relations.ownedby',
      values: list(params, 'claims').map((claim) => claim.toLowerCase()),
    }),
  ),
  rule(
    CATALOG_PERMISSION_RULES.hasAnnotation,
    'Allow entities with the annotation ({ annotation, value? })',
    (entity, params) =>
      equal(entity.metadata.annotations?.[text(params, 'annotation') ?? ''], text(params, 'value')),
    (params) => leaf(`metadata.annotations.${text(params, 'annotation') ?? ''}`, text(params, 'value')),
  ),
  rule(
    CATALOG_PERMISSION_RULES.hasLabel,
    'Allow entities with the label ({ label })',
    (entity, params) => entity.metadata.labels?.[text(params, 'label') ?? ''] !== undefined,
    (params) => leaf(`metadata.labels.${text(params, 'label') ?? ''}`, undefined),
  ),
  rule(
    CATALOG_PERMISSION_RULES.hasMetadata,
    'Allow entities with the metadata key ({ key, value? })',
    (entity, params) => equal(valueAt(entity.metadata, text(params, 'key') ?? ''), text(params, 'value')),
    (params) => leaf(`metadata.${text(params, 'key') ?? ''}`, text(params, 'value')),
  ),
  rule(
    CATALOG_PERMISSION_RULES.hasSpec,
    'Allow entities with the spec key ({ key, value? })',
    (entity, params) => equal(valueAt(entity.spec, text(params, 'key') ?? ''), text(params, 'value')),
    (params) => leaf(`spec.${text(params, 'key') ?? ''}`, text(params, 'value')),
  ),
];
