import type { Permission } from '@atrium/kernel';

// Plain objects rather than the kernel's definePermission: this module must stay browser-safe.
/** The permissions the RBAC API checks; admins (`permission.rbac.admins`) always hold them. */
export const rbacPermissions = {
  /** Read the live policy, the draft, versions, diffs, the export and the listings for the editor. */
  policyRead: {
    type: 'basic',
    name: 'rbac.policy.read',
    attributes: { action: 'read' },
    description: 'Read the RBAC policy',
  },
  /** Edit the draft, publish it and restore old versions. */
  policyWrite: {
    type: 'basic',
    name: 'rbac.policy.write',
    attributes: { action: 'update' },
    description: 'Edit and publish the RBAC policy',
  },
} as const satisfies Record<string, Permission>;

/** The list form of {@link rbacPermissions}, as a manifest's `permissions` wants it. */
export const rbacPermissionList: readonly Permission[] = Object.values(rbacPermissions);
