import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '@atrium/kernel';
import { stringify } from 'yaml';

/** The restricted user of the permission tests. */
export const RESTRICTED_USER = 'user:default/security-restricted';
/** The group the restricted user belongs to: the only owner whose entities they may read. */
export const RESTRICTED_GROUP = 'group:default/security-canary-team';

/**
 * A policy like one an organisation writes, in the shipped RBAC plugin's file format:
 * everyone signed in may do everything, except that the restricted user may read only
 * catalog entities owned by one of their ownership refs (a conditional deny, turned into
 * query filters and per-entity checks by the catalog), may not read or change the policy
 * itself, may not read the audit log, which names every entity and location acted on, and
 * may not see or manage installed plugins.
 */
export const restrictedPolicy = {
  roles: [
    { name: 'everyone', members: ['*'], rules: [{ permission: '*', effect: 'allow' }] },
    {
      name: 'restricted',
      members: [RESTRICTED_USER],
      rules: [
        {
          permission: 'catalog.entity.read',
          effect: 'deny',
          conditions: { not: { rule: 'IS_ENTITY_OWNER', params: { claims: ['$ownerRefs'] } } },
        },
        { permission: 'rbac.policy.read', effect: 'deny' },
        { permission: 'rbac.policy.write', effect: 'deny' },
        { permission: 'audit.event.read', effect: 'deny' },
        { permission: 'app.layout.update', effect: 'deny' },
        // Installing code into the server is for admins only.
        { permission: 'plugins.read', effect: 'deny' },
        { permission: 'plugins.install', effect: 'deny' },
        { permission: 'plugins.manage', effect: 'deny' },
        { permission: 'plugins.uninstall', effect: 'deny' },
      ],
    },
  ],
};

/** Writes {@link restrictedPolicy} into the portal's folder and returns the config that makes it live. */
export function restrictedPolicyConfig(root: string): JsonObject {
  const policyFile = join(root, 'restricted-policy.yaml');
  writeFileSync(policyFile, stringify(restrictedPolicy));
  return { permission: { rbac: { policyFile, policyFileMode: 'replace' } } };
}
