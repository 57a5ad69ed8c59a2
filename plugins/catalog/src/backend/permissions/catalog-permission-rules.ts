import type { Entity } from '@atrium/catalog-model';
import type { PermissionRule } from '@atrium/kernel';
import { CATALOG_PERMISSION_RULES, RESOURCE_TYPE_CATALOG_ENTITY } from '../../common/catalog-permissions.js';
import type { EntityFilter } from '../query/entity-filter.js';
import { entityMatchesFilter } from './entity-matches-filter.js';

type Params = Record<string, unknown>;

const text = (params: Params, name: string) => {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
};
const list = (params: Params, name: string) => {
  const value = params[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};
const leaf = (key: string, value: string | undefined): EntityFilter =>
  value === undefined
    ? { key: key.toLowerCase() }
    : { key: key.toLowerCase(), values: [value.toLowerCase()] };

// Each rule is defined once, as a filter; `apply` evaluates that same filter over the
// entity's index rows, so a check of one entity can never disagree with the query.
function rule(
  name: string,
  description: string,
  paramsSchema: Record<string, unknown>,
  toQuery: (params: Params) => EntityFilter,
): PermissionRule<Entity, EntityFilter> {
  return {
    name,
    description,
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
    apply: (entity, params) => entityMatchesFilter(entity, toQuery(params)),
    toQuery,
    paramsSchema,
  };
}

// JSON Schemas of the params, as Backstage's rules endpoint gives them, for policy editors.
const stringProperty = (description: string) => ({ type: 'string', description });
const stringList = (description: string) => ({ type: 'array', items: { type: 'string' }, description });
const paramsOf = (properties: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const keyValue = (what: string) =>
  paramsOf(
    {
      key: stringProperty(`The ${what} key, e.g. lifecycle`),
      value: stringProperty('The value it must have; any value when left out'),
    },
    ['key'],
  );

/**
 * The rules behind conditional `catalog-entity` decisions, with Backstage's names and
 * parameters. Each becomes a filter the queries run in the database (`toQuery`), so lists
 * simply omit what the caller may not see, and checks one entity (`apply`) with the same
 * filter.
 */
export const catalogPermissionRules: PermissionRule<Entity, EntityFilter>[] = [
  rule(
    CATALOG_PERMISSION_RULES.isEntityKind,
    'Allow entities of the given kinds ({ kinds: string[] })',
    paramsOf({ kinds: stringList('Entity kinds, e.g. Component') }, ['kinds']),
    (params) => ({ key: 'kind', values: list(params, 'kinds').map((kind) => kind.toLowerCase()) }),
  ),
  rule(
    CATALOG_PERMISSION_RULES.isEntityOwner,
    'Allow entities owned by one of the claims ({ claims: string[] }, entity refs)',
    paramsOf(
      { claims: stringList("Owner entity refs; '$ownerRefs' stands for the caller's own refs and groups") },
      ['claims'],
    ),
    (params) => ({
      key: 'relations.ownedby',
      values: list(params, 'claims').map((claim) => claim.toLowerCase()),
    }),
  ),
  rule(
    CATALOG_PERMISSION_RULES.hasAnnotation,
    'Allow entities with the annotation ({ annotation, value? })',
    paramsOf(
      {
        annotation: stringProperty('The annotation key'),
        value: stringProperty('The value it must have; any value when left out'),
      },
      ['annotation'],
    ),
    (params) => leaf(`metadata.annotations.${text(params, 'annotation') ?? ''}`, text(params, 'value')),
  ),
  rule(
    CATALOG_PERMISSION_RULES.hasLabel,
    'Allow entities with the label ({ label })',
    paramsOf({ label: stringProperty('The label key') }, ['label']),
    (params) => leaf(`metadata.labels.${text(params, 'label') ?? ''}`, undefined),
  ),
  rule(
    CATALOG_PERMISSION_RULES.hasMetadata,
    'Allow entities with the metadata key ({ key, value? })',
    keyValue('metadata'),
    (params) => leaf(`metadata.${text(params, 'key') ?? ''}`, text(params, 'value')),
  ),
  rule(
    CATALOG_PERMISSION_RULES.hasSpec,
    'Allow entities with the spec key ({ key, value? })',
    keyValue('spec'),
    (params) => leaf(`spec.${text(params, 'key') ?? ''}`, text(params, 'value')),
  ),
];
