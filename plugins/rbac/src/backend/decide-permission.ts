import type { Permission, PermissionCondition, PermissionCriteria, PolicyDecision } from '@atrium/kernel';
import type { RbacCriteria } from '../common/index.js';
import { type CompiledPolicy, type CompiledRule, criteriaLeaves } from './compile-policy.js';

/** Who asks, as the decision sees them. */
export interface DecisionSubject {
  userEntityRef: string;
  /** The user's ref and every group it belongs to (transitively), lower-cased. */
  refs: readonly string[];
}

function matches(entry: CompiledRule, permission: Permission): boolean {
  const { rule } = entry;
  if (rule.permission !== undefined && rule.permission !== '*' && rule.permission !== permission.name)
    return false;
  if (rule.resourceType !== undefined && rule.resourceType !== permission.resourceType) return false;
  return rule.action === undefined || rule.action === permission.attributes.action;
}

/** Every rule of the subject's roles that matches the permission. */
export function matchingRules(
  policy: CompiledPolicy,
  refs: readonly string[],
  permission: Permission,
): CompiledRule[] {
  const roleIds = new Set(policy.everyoneRoles);
  for (const ref of refs) for (const id of policy.rolesByMember.get(ref) ?? []) roleIds.add(id);
  const found: CompiledRule[] = [];
  const action = permission.attributes.action;
  for (const id of roleIds) {
    const role = policy.roles[id]!;
    const candidates = [
      role.byPermission.get(permission.name),
      permission.resourceType === undefined ? undefined : role.byResourceType.get(permission.resourceType),
      action === undefined ? undefined : role.byAction.get(action),
      role.any,
    ];
    for (const list of candidates)
      for (const entry of list ?? []) if (matches(entry, permission)) found.push(entry);
  }
  return found;
}

// Conditions make sense only for a resource permission, on that permission's resource type.
function canCondition(criteria: RbacCriteria, permission: Permission): boolean {
  if (permission.type !== 'resource' || permission.resourceType === undefined) return false;
  return criteriaLeaves(criteria).every(
    (leaf) => leaf.resourceType === undefined || leaf.resourceType === permission.resourceType,
  );
}

function substitute(value: unknown, subject: DecisionSubject): unknown {
  if (value === '$currentUser') return subject.userEntityRef;
  if (value === '$ownerRefs') return [...subject.refs];
  if (Array.isArray(value))
    return value.flatMap((item) => (item === '$ownerRefs' ? [...subject.refs] : [substitute(item, subject)]));
  return value;
}

/** The rule's tree for this permission and subject: resource type filled in, `$currentUser` / `$ownerRefs` replaced. */
function bind(
  criteria: RbacCriteria,
  resourceType: string,
  subject: DecisionSubject,
): PermissionCriteria<PermissionCondition> {
  if ('allOf' in criteria) return { allOf: criteria.allOf.map((c) => bind(c, resourceType, subject)) };
  if ('anyOf' in criteria) return { anyOf: criteria.anyOf.map((c) => bind(c, resourceType, subject)) };
  if ('not' in criteria) return { not: bind(criteria.not, resourceType, subject) };
  const params = Object.fromEntries(
    Object.entries(criteria.params ?? {}).map(([k, v]) => [k, substitute(v, subject)]),
  );
  return { rule: criteria.rule, resourceType, params };
}

const anyOf = (items: PermissionCriteria<PermissionCondition>[]) =>
  items.length === 1 ? items[0]! : { anyOf: items };

// Roles often repeat a rule (every team's role: "what you own"); the owning plugin's query
// gets each distinct condition once.
function distinct(criteria: RbacCriteria[]): RbacCriteria[] {
  return [...new Map(criteria.map((c) => [JSON.stringify(c), c])).values()];
}

/**
 * The decision of the rules that match (see docs/rbac.md): an unconditional deny wins;
 * else an unconditional allow allows, narrowed by conditional denies; else conditional
 * allows (OR-ed across rules and roles) minus conditional denies; no allow at all denies.
 * A conditional deny that cannot be a condition (a basic permission) denies outright; a
 * conditional allow that cannot be one is ignored.
 */
export function decideFromRules(
  rules: readonly CompiledRule[],
  permission: Permission,
  subject: DecisionSubject,
  pluginId: string,
): PolicyDecision {
  let allowAll = false;
  const allows: RbacCriteria[] = [];
  const denies: RbacCriteria[] = [];
  for (const { rule } of rules) {
    const conditional = rule.conditions !== undefined && canCondition(rule.conditions, permission);
    if (rule.effect === 'deny') {
      if (!conditional) return { result: 'DENY' };
      denies.push(rule.conditions!);
    } else if (!rule.conditions) allowAll = true;
    else if (conditional) allows.push(rule.conditions);
  }
  if (!allowAll && allows.length === 0) return { result: 'DENY' };
  if (allowAll && denies.length === 0) return { result: 'ALLOW' };
  const resourceType = permission.resourceType!;
  const parts: PermissionCriteria<PermissionCondition>[] = [];
  if (!allowAll) parts.push(anyOf(distinct(allows).map((c) => bind(c, resourceType, subject))));
  if (denies.length > 0)
    parts.push({ not: anyOf(distinct(denies).map((c) => bind(c, resourceType, subject))) });
  return {
    result: 'CONDITIONAL',
    pluginId,
    resourceType,
    conditions: parts.length === 1 ? parts[0]! : { allOf: parts },
  };
}
