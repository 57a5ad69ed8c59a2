import type { PolicyDiff, RbacPolicy, RbacRole, RbacRule, RoleChange } from '../common/index.js';

const ruleKey = (rule: RbacRule) => JSON.stringify(rule, Object.keys(rule).sort());

function diffRole(before: RbacRole, after: RbacRole): RoleChange | undefined {
  const membersBefore = new Set(before.members);
  const membersAfter = new Set(after.members);
  const rulesBefore = new Map(before.rules.map((r) => [ruleKey(r), r]));
  const rulesAfter = new Map(after.rules.map((r) => [ruleKey(r), r]));
  const change: RoleChange = {
    name: after.name,
    membersAdded: after.members.filter((m) => !membersBefore.has(m)),
    membersRemoved: before.members.filter((m) => !membersAfter.has(m)),
    rulesAdded: [...rulesAfter].filter(([key]) => !rulesBefore.has(key)).map(([, r]) => r),
    rulesRemoved: [...rulesBefore].filter(([key]) => !rulesAfter.has(key)).map(([, r]) => r),
    ...(before.description !== after.description
      ? { description: { from: before.description, to: after.description } }
      : {}),
  };
  const isSame =
    !change.description &&
    change.membersAdded.length +
      change.membersRemoved.length +
      change.rulesAdded.length +
      change.rulesRemoved.length ===
      0;
  return isSame ? undefined : change;
}

/**
 * What changed from one policy to another, role by role (matched by name, case-insensitively):
 * roles added and removed whole, and for the others the members, rules and description.
 *
 * @example
 * diffPolicies(live.policy, draft.policy, { from: live.version, to: 'draft' });
 */
export function diffPolicies(
  before: RbacPolicy | undefined,
  after: RbacPolicy,
  labels: { from: PolicyDiff['from']; to: PolicyDiff['to'] },
): PolicyDiff {
  const beforeRoles = new Map((before?.roles ?? []).map((r) => [r.name.toLowerCase(), r]));
  const afterRoles = new Map(after.roles.map((r) => [r.name.toLowerCase(), r]));
  const changed: RoleChange[] = [];
  for (const [key, role] of afterRoles) {
    const old = beforeRoles.get(key);
    const change = old ? diffRole(old, role) : undefined;
    if (change) changed.push(change);
  }
  return {
    ...labels,
    added: [...afterRoles].filter(([key]) => !beforeRoles.has(key)).map(([, r]) => r),
    removed: [...beforeRoles].filter(([key]) => !afterRoles.has(key)).map(([, r]) => r),
    changed,
  };
}
