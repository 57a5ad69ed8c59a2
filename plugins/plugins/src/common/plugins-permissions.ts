import type { Permission } from '@atrium/kernel';

// A plain object rather than the kernel's definePermission: this module must stay browser-safe.

/**
 * Every permission the plugin manager checks. Installing a plugin runs its code with the
 * backend's full trust, so the example RBAC policy gives these to admins only.
 */
export const pluginsPermissions = {
  /** List installed plugins, their history and per-backend status. */
  read: {
    type: 'basic',
    name: 'plugins.read',
    attributes: { action: 'read' },
    description: 'See installed plugins, their history and per-backend status',
  },
  /** Install a package (any source), upgrade, roll back. */
  install: {
    type: 'basic',
    name: 'plugins.install',
    attributes: { action: 'create' },
    description: 'Install, upgrade and roll back plugin packages (runs their code with full trust)',
  },
  /** Enable, disable and configure an installed plugin. */
  manage: {
    type: 'basic',
    name: 'plugins.manage',
    attributes: { action: 'update' },
    description: 'Enable, disable and configure installed plugins',
  },
  /** Uninstall (and optionally purge the data of) a plugin. */
  uninstall: {
    type: 'basic',
    name: 'plugins.uninstall',
    attributes: { action: 'delete' },
    description: 'Uninstall plugins and purge their data',
  },
} as const satisfies Record<string, Permission>;

/** The plugin manager's permissions as a list, for the plugin manifest. */
export const pluginsPermissionList: readonly Permission[] = Object.values(pluginsPermissions);
