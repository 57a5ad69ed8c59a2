import type { RbacCriteria, RbacPolicy, RbacRule } from '../common/index.js';

/** A rule as the decision reads it, with the role it came from. */
export interface CompiledRule {
  role: string;
  rule: RbacRule;
}

/** Rules of one role, indexed by the most specific field each matches on. */
interface RoleIndex {
  byPermission: Map<string, CompiledRule[]>;
  byResourceType: Map<string, CompiledRule[]>;
  byAction: Map<string, CompiledRule[]>;
  any: CompiledRule[];
}

/** A policy compiled for fast lookups: member ref → roles → rules by permission, resource type and action. */
export interface CompiledPolicy {
  /** Roles held by a member ref (lower-cased `user:` / `group:` refs). */
  rolesByMember: Map<string, number[]>;
  /** Roles whose members include `*` (every signed-in user). */
  everyoneRoles: number[];
  roles: RoleIndex[];
  roleCount: number;
}

function push<K>(map: Map<K, CompiledRule[]>, key: K, rule: CompiledRule) {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

function indexRules(name: string, rules: readonly RbacRule[]): RoleIndex {
  const index: RoleIndex = {
    byPermission: new Map(),
    byResourceType: new Map(),
    byAction: new Map(),
    any: [],
  };
  for (const rule of rules) {
    const compiled = { role: name, rule };
    if (rule.permission !== undefined && rule.permission !== '*')
      push(index.byPermission, rule.permission, compiled);
    else if (rule.resourceType !== undefined) push(index.byResourceType, rule.resourceType, compiled);
    else if (rule.action !== undefined) push(index.byAction, rule.action, compiled);
    else index.any.push(compiled);
  }
  return index;
}

/**
 * Compiles a policy once per publish, so a decision costs a few map lookups whatever
 * the number of roles and members.
 *
 * @example
 * const compiled = compilePolicy(policy);
 * decidePermission(compiled, { permission, refs: ['user:default/jdoe', 'group:default/team-a'] });
 */
export function compilePolicy(policy: RbacPolicy): CompiledPolicy {
  const rolesByMember = new Map<string, number[]>();
  const everyoneRoles: number[] = [];
  const roles = policy.roles.map((role, index) => {
    for (const member of new Set(role.members)) {
      if (member === '*') everyoneRoles.push(index);
      else {
        const list = rolesByMember.get(member);
        if (list) list.push(index);
        else rolesByMember.set(member, [index]);
      }
    }
    return indexRules(role.name, role.rules);
  });
  return { rolesByMember, everyoneRoles, roles, roleCount: roles.length };
}

/** The leaves of a condition tree. */
export function criteriaLeaves(criteria: RbacCriteria): Array<{ rule: string; resourceType?: string }> {
  if ('allOf' in criteria) return criteria.allOf.flatMap(criteriaLeaves);
  if ('anyOf' in criteria) return criteria.anyOf.flatMap(criteriaLeaves);
  if ('not' in criteria) return criteriaLeaves(criteria.not);
  return [criteria];
}
