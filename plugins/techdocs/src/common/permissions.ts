// A plain object in the kernel's `Permission` shape: this entry is imported by browser code,
// which must not load the (Node-only) kernel to get `definePermission`.

/** A permission of the techdocs plugin, structurally the kernel's `Permission`. */
export interface TechDocsPermission {
  readonly type: 'basic';
  readonly name: string;
  readonly attributes: { readonly action?: 'read' };
  readonly description?: string;
}

/** Every permission the techdocs plugin checks (platform.md §6: on top of `catalog.entity.read`). */
export const techdocsPermissions = {
  entityRead: {
    type: 'basic',
    name: 'techdocs.entity.read',
    attributes: { action: 'read' },
    description: "Read an entity's built documentation (the entity must be readable too)",
  },
} as const satisfies Record<string, TechDocsPermission>;

/** The list a manifest declares. */
export const techdocsPermissionList = Object.values(techdocsPermissions);
