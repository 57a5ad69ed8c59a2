import { definePermission, type Permission } from '@atrium/kernel/permissions';

/**
 * Every permission the audit plugin checks.
 *
 * @example
 * await permissions.authorize([{ permission: auditPermissions.eventRead }], { credentials });
 */
export const auditPermissions = {
  /** Read the audit log (list and single events); the log has no write permission: it is append-only. */
  eventRead: definePermission({
    name: 'audit.event.read',
    attributes: { action: 'read' },
    description: 'Read the audit log',
  }),
};

/** The audit plugin's permissions as a list, for the plugin manifest. */
export const auditPermissionList: readonly Permission[] = Object.values(auditPermissions);
