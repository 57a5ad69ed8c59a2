import type { RouteHandlers } from '@atrium/kernel';
import { type rbacApi, rbacPermissions } from '../../common/index.js';
import { type RbacContext, requirePermission } from './rbac-context.js';

type Handlers = RouteHandlers<(typeof rbacApi)['routes']>;

/** Handlers of what the editor lists (permissions, condition rules) and of the caller's own access. */
export function listingRoutes(
  ctx: RbacContext,
): Pick<Handlers, 'getAccess' | 'listPermissions' | 'listConditions'> {
  return {
    async getAccess({ credentials }) {
      const [read, write] = await ctx.permissions.authorize(
        [{ permission: rbacPermissions.policyRead }, { permission: rbacPermissions.policyWrite }],
        { credentials },
      );
      return { canRead: read?.result === 'ALLOW', canWrite: write?.result === 'ALLOW' };
    },
    async listPermissions({ credentials }) {
      await requirePermission(ctx, credentials, rbacPermissions.policyRead);
      const permissions = ctx.instance.getInstalledPlugins().flatMap((plugin) =>
        plugin.permissions.map((p) => ({
          pluginId: plugin.id,
          name: p.name,
          type: p.type,
          ...(p.resourceType ? { resourceType: p.resourceType } : {}),
          ...(p.attributes.action ? { action: p.attributes.action } : {}),
          ...(p.description ? { description: p.description } : {}),
        })),
      );
      return { permissions };
    },
    async listConditions({ credentials }) {
      await requirePermission(ctx, credentials, rbacPermissions.policyRead);
      return { resourceTypes: ctx.registry.listResourceTypes() };
    },
  };
}
