import type { Permission } from '@atrium/kernel';

// A plain object rather than the kernel's definePermission: this module must stay browser-safe.

/**
 * Every permission the app plugin checks.
 *
 * @example
 * await permissions.authorize([{ permission: appPermissions.layoutUpdate }], { credentials });
 */
export const appPermissions = {
  /** Read and change the portal layout saved in the UI (admin-only in the example policy). */
  layoutUpdate: {
    type: 'basic',
    name: 'app.layout.update',
    attributes: { action: 'update' },
    description: 'Change the portal layout (app.extensions overrides) in the UI',
  },
} as const satisfies Record<string, Permission>;

/** The app plugin's permissions as a list, for the plugin manifest. */
export const appPermissionList: readonly Permission[] = Object.values(appPermissions);
