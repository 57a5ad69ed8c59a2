import { NotAllowedError } from '@atrium/errors';
import type { RouteSpec } from '@atrium/http-api';
import {
  type AuditorService,
  type Credentials,
  type PermissionsService,
  type RouteContext,
  runAudited,
} from '@atrium/kernel';
import type { pluginsPermissions } from '../../common/index.js';

/** One of the plugin manager's permissions. */
export type PluginsPermission = (typeof pluginsPermissions)[keyof typeof pluginsPermissions];

/** Whether the caller holds a permission. */
export async function isAllowed(
  permissions: PermissionsService,
  permission: PluginsPermission,
  credentials: Credentials,
): Promise<boolean> {
  const [decision] = await permissions.authorize([{ permission }], { credentials });
  return decision?.result === 'ALLOW';
}

/** Throws 403 unless the caller holds the permission. */
export async function requirePermission(
  permissions: PermissionsService,
  permission: PluginsPermission,
  credentials: Credentials,
): Promise<void> {
  if (!(await isAllowed(permissions, permission, credentials)))
    throw new NotAllowedError(
      `not allowed to ${permission.name}: installing and managing plugins is for admins`,
    );
}

/** Who made a change, for the history. */
export const actorOf = (credentials: Credentials): string | undefined =>
  credentials.principal.type === 'user'
    ? credentials.principal.userEntityRef
    : credentials.principal.type === 'service'
      ? credentials.principal.subject
      : undefined;

/** Runs a change as a `high` audit event, refused callers included. */
export function auditedChange<T>(
  deps: { auditor: AuditorService; permissions: PermissionsService },
  context: RouteContext<RouteSpec>,
  change: { eventId: string; permission: PluginsPermission; target?: string },
  action: () => Promise<T>,
): Promise<T> {
  return runAudited(
    deps.auditor,
    {
      eventId: change.eventId,
      severityLevel: 'high',
      request: context.request,
      ...(change.target ? { target: change.target } : {}),
    },
    async () => {
      await requirePermission(deps.permissions, change.permission, context.credentials);
      return action();
    },
  );
}
