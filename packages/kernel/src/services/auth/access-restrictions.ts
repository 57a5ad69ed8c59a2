import { z } from 'zod';
import type { Permission, PermissionAction } from '../../definitions/define-permission.js';

/** What an external caller may do within one plugin (Backstage's `BackstagePrincipalAccessRestrictions`). */
export interface AccessRestriction {
  /** Only these permissions are allowed. */
  readonly permissionNames?: readonly string[];
  /** Only permissions with these attribute values are allowed. */
  readonly permissionAttributes?: { readonly action?: readonly PermissionAction[] };
}

const actions = ['create', 'read', 'update', 'delete'] as const;

// Backstage accepts a string ("a, b" or "a b") or an array of strings for each list.
const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => [
    ...new Set((Array.isArray(value) ? value : [value]).flatMap((v) => v.split(/[ ,]/)).filter(Boolean)),
  ]);

const entrySchema = z.strictObject({
  plugin: z.string().min(1),
  permission: stringList.optional(),
  permissionAttribute: z
    .strictObject({
      action: stringList
        .pipe(z.array(z.enum(actions, { error: `must be one of ${actions.join(', ')}` })))
        .optional(),
    })
    .optional(),
});

/** `accessRestrictions` of one `backend.auth.externalAccess` entry, in Backstage's shape. */
export const accessRestrictionsSchema = z
  .array(entrySchema)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    for (const [index, entry] of entries.entries()) {
      if (seen.has(entry.plugin)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'plugin'],
          message: `plugin '${entry.plugin}' has two accessRestrictions entries; merge them into one`,
        });
      }
      seen.add(entry.plugin);
    }
  })
  .optional();

/** Parsed restrictions by plugin id; a plugin without an entry may not be called at all. */
export type AccessRestrictionsMap = ReadonlyMap<string, AccessRestriction | undefined>;

/** Turns the parsed config into a map by plugin; undefined when the entry has no restrictions. */
export function toAccessRestrictionsMap(
  entries: z.output<typeof accessRestrictionsSchema>,
): AccessRestrictionsMap | undefined {
  if (!entries || entries.length === 0) return undefined;
  return new Map(
    entries.map((entry) => {
      const names = entry.permission?.length ? entry.permission : undefined;
      const action = entry.permissionAttribute?.action?.length ? entry.permissionAttribute.action : undefined;
      const restriction: AccessRestriction | undefined =
        names || action
          ? {
              ...(names ? { permissionNames: names } : {}),
              ...(action ? { permissionAttributes: { action } } : {}),
            }
          : undefined;
      return [entry.plugin, restriction];
    }),
  );
}

/** True when the restriction covers the permission (Backstage's rule: every given limit must match). */
export function isPermissionCovered(restriction: AccessRestriction, permission: Permission): boolean {
  if (restriction.permissionNames && !restriction.permissionNames.includes(permission.name)) return false;
  const allowedActions = restriction.permissionAttributes?.action;
  if (allowedActions) {
    const action = permission.attributes.action;
    if (!action || !allowedActions.includes(action)) return false;
  }
  return true;
}
