import { NotFoundError } from '@atrium/errors';
import type { RouteSpec } from '@atrium/http-api';
import type { AuditorService, PermissionsService, RouteContext, RouteHandlers } from '@atrium/kernel';
import { pluginsPermissions as P, type pluginsApi } from '../../common/index.js';
import { type InstallDeps, installPackage } from '../manager/install-package.js';
import type { Lifecycle } from '../manager/lifecycle.js';
import type { Reconciler } from '../reconcile/reconciler.js';
import { actorOf, auditedChange, isAllowed, requirePermission } from './route-guards.js';

type Routes = (typeof pluginsApi)['routes'];

/** What the routes need. */
export interface PluginsRouteDeps {
  install: InstallDeps;
  lifecycle: Lifecycle;
  reconciler: Reconciler;
  permissions: PermissionsService;
  auditor: AuditorService;
}

function readRoutes(deps: PluginsRouteDeps) {
  const { store } = deps.install;
  const read = (context: { credentials: RouteContext<RouteSpec>['credentials'] }) =>
    requirePermission(deps.permissions, P.read, context.credentials);
  return {
    getAccess: async ({ credentials }) => ({
      canRead: await isAllowed(deps.permissions, P.read, credentials),
      canInstall: await isAllowed(deps.permissions, P.install, credentials),
      canManage: await isAllowed(deps.permissions, P.manage, credentials),
    }),
    listPlugins: async (context) => {
      await read(context);
      return { items: await store.list() };
    },
    getPlugin: async (context) => {
      await read(context);
      return deps.lifecycle.current(context.params.pluginId);
    },
    review: async (context) => {
      await read(context);
      const plugin = await deps.lifecycle.current(context.params.pluginId);
      const version = plugin.versions.find((v) => v.version === context.params.version);
      if (!version)
        throw new NotFoundError(`plugin '${plugin.id}' has no installed version ${context.params.version}`);
      return {
        pluginId: plugin.id,
        version: version.version,
        integrity: version.integrity,
        declaration: version.declaration,
        hostApiVersion: deps.install.hostApiVersion,
        enabledVersion: plugin.state === 'enabled' ? plugin.enabledVersion : null,
        alreadyInstalled: true,
      };
    },
    history: async (context) => {
      await read(context);
      return { items: await store.history(context.query.pluginId, context.query.limit) };
    },
    backends: async (context) => {
      await read(context);
      return { items: await store.backends() };
    },
    frontendFeatures: async () => ({
      items: deps.reconciler.serving().flatMap((s) =>
        s.loaded.frontendDir
          ? [
              {
                pluginId: s.pluginId,
                name: s.packageName,
                version: s.version,
                integrity: s.integrity,
                dir: s.loaded.frontendDir,
              },
            ]
          : [],
      ),
    }),
  } satisfies Partial<RouteHandlers<Routes>>;
}

function installRoute(deps: PluginsRouteDeps): RouteHandlers<Routes>['install'] {
  return (context) =>
    auditedChange(deps, context, { eventId: 'plugin.install', permission: P.install }, async () => {
      const review = await installPackage(deps.install, context.body.source);
      if (!review.alreadyInstalled)
        await deps.install.store.addHistory({
          pluginId: review.pluginId,
          action: 'install',
          version: review.version,
          actor: actorOf(context.credentials),
          message: `installed ${review.declaration.packageName}@${review.version} (${review.integrity.slice(0, 20)}…)`,
        });
      return review;
    });
}

function versionRoutes(deps: PluginsRouteDeps) {
  const { lifecycle } = deps;
  const setVersion =
    (action: 'enable' | 'upgrade' | 'rollback') =>
    (
      context:
        | RouteContext<Routes['enable']>
        | RouteContext<Routes['rollback']>
        | RouteContext<Routes['upgrade']>,
    ) =>
      auditedChange(
        deps,
        context,
        {
          eventId: `plugin.${action}`,
          permission: action === 'enable' ? P.manage : P.install,
          target: context.params.pluginId,
        },
        () =>
          lifecycle.setVersion({
            ...context.params,
            ...context.body,
            action,
            actor: actorOf(context.credentials),
          }),
      );
  return {
    enable: setVersion('enable') as RouteHandlers<Routes>['enable'],
    upgrade: setVersion('upgrade') as RouteHandlers<Routes>['upgrade'],
    rollback: setVersion('rollback') as RouteHandlers<Routes>['rollback'],
  };
}

function stateRoutes(deps: PluginsRouteDeps) {
  const { lifecycle } = deps;
  const change = (eventId: string, permission: (typeof P)[keyof typeof P], pluginId: string) => ({
    eventId,
    permission,
    target: pluginId,
  });
  return {
    configure: (context) =>
      auditedChange(deps, context, change('plugin.configure', P.manage, context.params.pluginId), () =>
        lifecycle.configure(context.params.pluginId, context.body.config, actorOf(context.credentials)),
      ),
    disable: (context) =>
      auditedChange(deps, context, change('plugin.disable', P.manage, context.params.pluginId), () =>
        lifecycle.disable(context.params.pluginId, actorOf(context.credentials)),
      ),
    uninstall: (context) =>
      auditedChange(
        deps,
        context,
        // Purging is part of uninstalling (same permission), audited as its own event.
        change(
          context.query.purge ? 'plugin.purge' : 'plugin.uninstall',
          P.uninstall,
          context.params.pluginId,
        ),
        async () => {
          await lifecycle.uninstall(context.params.pluginId, {
            actor: actorOf(context.credentials),
            purge: context.query.purge === true,
          });
          return undefined;
        },
      ),
  } satisfies Partial<RouteHandlers<Routes>>;
}

/** Handlers of the plugin manager's API. Every change is an audit event and a history event. */
export function pluginsRoutes(deps: PluginsRouteDeps): RouteHandlers<Routes> {
  return { ...readRoutes(deps), install: installRoute(deps), ...versionRoutes(deps), ...stateRoutes(deps) };
}
