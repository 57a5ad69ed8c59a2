import type { Permission } from '@atrium/kernel';

// A plain object rather than the kernel's definePermission: this module must stay browser-safe.

/**
 * Every permission the audit plugin checks.
 *
 * @example
 * await permissions.authorize([{ permission: auditPermissions.eventRead }], { credentials });
 */
export const auditPermissions = {
  /** Read the audit log (list and single events); the log has no write permission: it is append-only. */
  eventRead: {
    type: 'basic',
    name: 'audit.event.read',
    attributes: { action: 'read' },
    description: 'Read the audit log',
  },
} as const satisfies Record<string, Permission>;

/** The audit plugin's permissions as a list, for the plugin manifest. */
export const auditPermissionList: readonly Permission[] = Object.values(auditPermissions);
