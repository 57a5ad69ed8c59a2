import { definePermission } from '@atrium/kernel/permissions';

/** Every permission the techdocs plugin checks (platform.md §6: on top of `catalog.entity.read`). */
export const techdocsPermissions = {
  entityRead: definePermission({
    name: 'techdocs.entity.read',
    attributes: { action: 'read' },
    description: "Read an entity's built documentation (the entity must be readable too)",
  }),
};

/** The list a manifest declares. */
export const techdocsPermissionList = Object.values(techdocsPermissions);
