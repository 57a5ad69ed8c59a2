import type { PermissionPolicy } from '@atrium/kernel';
import { normalizeMemberRef, rbacPolicySchema } from '../common/index.js';
import { compilePolicy } from './compile-policy.js';
import { createRbacPolicy } from './create-rbac-policy.js';
import { expandMembership } from './group-membership.js';
import { parsePolicyText } from './policy-file.js';

/**
 * The RBAC policy over a fixed document (YAML text or an object in the policy file's
 * shape), without the database or the catalog: membership is the token's refs. For
 * policies defined in code, tests and benchmarks.
 *
 * @example
 * backend.add(defineServiceFactory({ service: coreServices.permissionPolicy, deps: {},
 *   factory: () => createStaticRbacPolicy(readFileSync('rbac.yaml', 'utf8')) }));
 */
export function createStaticRbacPolicy(
  document: string | unknown,
  options: { admins?: string[] } = {},
): PermissionPolicy {
  const policy =
    typeof document === 'string' ? parsePolicyText(document, 'the policy') : rbacPolicySchema.parse(document);
  const compiled = compilePolicy(policy);
  return createRbacPolicy({
    current: () => compiled,
    admins: new Set((options.admins ?? []).map(normalizeMemberRef)),
    membership: (user, refs) => expandMembership(undefined, user, refs),
    pluginIdOf: (permission) => permission.name.split('.')[0]!,
  });
}
