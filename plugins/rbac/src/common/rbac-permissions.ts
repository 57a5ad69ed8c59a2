import { definePermission, type Permission } from '@atrium/kernel/permissions';

/** The permissions the RBAC API checks; admins (`permission.rbac.admins`) always hold them. */
export const rbacPermissions = {
  /** Read the live policy, the draft, versions, diffs, the export and the listings for the editor. */
  policyRead: definePermission({
    name: 'rbac.policy.read',
    attributes: { action: 'read' },
    description: 'Read the RBAC policy',
  }),
  /** Edit the draft, publish it and restore old versions. */
  policyWrite: definePermission({
    name: 'rbac.policy.write',
    attributes: { action: 'update' },
    description: 'Edit and publish the RBAC policy',
  }),
};

/** The list form of {@link rbacPermissions}, as a manifest's `permissions` wants it. */
export const rbacPermissionList: readonly Permission[] = Object.values(rbacPermissions);
