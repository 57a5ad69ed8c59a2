import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from './relation-types.js';

/** How one spec field of some kinds turns into a pair of relations. */
export type SpecRelationRule = {
  /** Source kinds the rule applies to, compared case-insensitively. */
  kinds: readonly string[];
  /** The spec field holding a ref (or, when `many`, an array of refs). */
  field: string;
  /** Whether the field holds an array of refs. */
  many: boolean;
  /** Kind given to kindless refs; without one, a ref must name its kind. */
  defaultKind?: string;
  /** Relation type stored on the source entity. */
  forward: string;
  /** Relation type stored on the target entity. */
  inverse: string;
};

function rule(
  kinds: readonly string[],
  field: string,
  many: boolean,
  defaultKind: string | undefined,
  forward: string,
  inverse: string,
): SpecRelationRule {
  return { kinds, field, many, defaultKind, forward, inverse };
}

/** The spec fields of the built-in kinds that produce relations (catalog contract §5). */
export const SPEC_RELATION_RULES: readonly SpecRelationRule[] = [
  rule(
    ['Component', 'API', 'Resource', 'System', 'Domain', 'Template'],
    'owner',
    false,
    'Group',
    RELATION_OWNED_BY,
    RELATION_OWNER_OF,
  ),
  rule(['Component', 'API', 'Resource'], 'system', false, 'System', RELATION_PART_OF, RELATION_HAS_PART),
  rule(['Component'], 'subcomponentOf', false, 'Component', RELATION_PART_OF, RELATION_HAS_PART),
  rule(['System'], 'domain', false, 'Domain', RELATION_PART_OF, RELATION_HAS_PART),
  rule(['Domain'], 'subdomainOf', false, 'Domain', RELATION_PART_OF, RELATION_HAS_PART),
  rule(['Component'], 'providesApis', true, 'API', RELATION_PROVIDES_API, RELATION_API_PROVIDED_BY),
  rule(['Component'], 'consumesApis', true, 'API', RELATION_CONSUMES_API, RELATION_API_CONSUMED_BY),
  rule(['Component', 'Resource'], 'dependsOn', true, undefined, RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF),
  rule(
    ['Component', 'Resource'],
    'dependencyOf',
    true,
    undefined,
    RELATION_DEPENDENCY_OF,
    RELATION_DEPENDS_ON,
  ),
  rule(['Group'], 'parent', false, 'Group', RELATION_CHILD_OF, RELATION_PARENT_OF),
  rule(['Group'], 'children', true, 'Group', RELATION_PARENT_OF, RELATION_CHILD_OF),
  rule(['Group'], 'members', true, 'User', RELATION_HAS_MEMBER, RELATION_MEMBER_OF),
  rule(['User'], 'memberOf', true, 'Group', RELATION_MEMBER_OF, RELATION_HAS_MEMBER),
];
