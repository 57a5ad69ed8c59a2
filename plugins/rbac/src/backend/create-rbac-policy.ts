import type { Permission, PermissionPolicy } from '@atrium/kernel';
import { rbacPermissionList } from '../common/index.js';
import type { CompiledPolicy } from './compile-policy.js';
import { decideFromRules, matchingRules } from './decide-permission.js';

const RBAC_PERMISSIONS = new Set(rbacPermissionList.map((p) => p.name));

/** What the policy reads at each decision. */
export interface RbacPolicyOptions {
  /** The live policy, compiled (swapped on every publish). */
  current(): CompiledPolicy;
  /** Admin user and group refs (lower-cased) from `permission.rbac.admins`. */
  admins: ReadonlySet<string>;
  /** The caller's refs: its own, its token's and every group above them. */
  membership(userEntityRef: string, ownershipEntityRefs: readonly string[]): Promise<string[]> | string[];
  /** The plugin that owns a permission, for conditional decisions. */
  pluginIdOf(permission: Permission): string;
}

/**
 * The RBAC permission policy: anonymous callers are denied, plugins and external tokens
 * (whose `accessRestrictions` the kernel applies first) are allowed, admins hold the
 * `rbac.*` permissions, and users get what their roles' rules decide.
 *
 * @example
 * holder.install(createRbacPolicy({ current: () => live.compiled, admins, membership, pluginIdOf }));
 */
export function createRbacPolicy(options: RbacPolicyOptions): PermissionPolicy {
  return {
    async handle({ permission }, { credentials }) {
      const principal = credentials.principal;
      if (principal.type === 'none') return { result: 'DENY' };
      if (principal.type === 'service') return { result: 'ALLOW' };
      const refs = await options.membership(principal.userEntityRef, principal.ownershipEntityRefs);
      if (RBAC_PERMISSIONS.has(permission.name) && refs.some((ref) => options.admins.has(ref))) {
        return { result: 'ALLOW' };
      }
      const rules = matchingRules(options.current(), refs, permission);
      return decideFromRules(
        rules,
        permission,
        { userEntityRef: principal.userEntityRef, refs },
        options.pluginIdOf(permission),
      );
    },
  };
}
