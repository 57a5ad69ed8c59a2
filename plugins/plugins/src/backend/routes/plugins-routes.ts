import { NotAllowedError, NotFoundError, NotImplementedError } from '@atrium/errors';
import {
  type AuditorService,
  type Credentials,
  type PermissionsService,
  type RouteContext,
  type RouteHandlers,
  runAudited,
} from '@atrium/kernel';
import type { FastifyRequest } from 'fastify';
import { type pluginsApi, pluginsPermissions } from '../../common/index.js';
import type { InstallDeps } from '../manager/install-package.js';
import { installPackage } from '../manager/install-package.js';
import type { Lifecycle } from '../manager/lifecycle.js';
import type { Reconciler } from '../reconcile/reconciler.js';

type Routes = (typeof pluginsApi)['routes'];
type Permission = (typeof pluginsPermissions)[keyof typeof pluginsPermissions];

/** What the routes need. */
export interface PluginsRouteDeps {
  install: InstallDeps;
  lifecycle: Lifecycle;
  reconciler: Reconciler;
  permissions: PermissionsService;
  auditor: AuditorService;
}

const actorOf = (credentials: Credentials) =>
  credentials.principal.type === 'user'
    ? credentials.principal.userEntityRef
    : credentials.principal.type === 'service'
      ? credentials.principal.subject
      : undefined;

/** Handlers of the plugin manager's API. Every change is an audit event and a history event. */
export function pluginsRoutes(deps: PluginsRouteDeps): RouteHandlers<Routes> {
  const { lifecycle, store } = { ...deps, store: deps.install.store };

  async function allowed(permission: Permission, credentials: Credentials): Promise<boolean> {
    const [decision] = await deps.permissions.authorize([{ permission }], { credentials });
    return decision?.result === 'ALLOW';
  }
  async function require(permission: Permission, credentials: Credentials): Promise<void> {
    if (!(await allowed(permission, credentials)))
      throw new NotAllowedError(
        `not allowed to ${permission.name}: installing and managing plugins is for admins`,
      );
  }
  function audited<T>(
    context: RouteContext<Routes[keyof Routes]>,
    eventId: string,
    permission: Permission,
    action: () => Promise<T>,
    target?: string,
  ): Promise<T> {
    return runAudited(
      deps.auditor,
      {
        eventId,
        severityLevel: 'high',
        request: context.request as FastifyRequest,
        ...(target ? { target } : {}),
      },
      async () => {
        await require(permission, context.credentials);
        return action();
      },
    );
  }
  const read = async (credentials: Credentials) => require(pluginsPermissions.read, credentials);
  const P = pluginsPermissions;

  return {
    getAccess: async ({ credentials }) => ({
      canRead: await allowed(P.read, credentials),
      canInstall: await allowed(P.install, credentials),
      canManage: await allowed(P.manage, credentials),
    }),
    listPlugins: async ({ credentials }) => {
      await read(credentials);
      return { items: await store.list() };
    },
    getPlugin: async ({ credentials, params }) => {
      await read(credentials);
      return lifecycle.current(params.pluginId);
    },
    install: (context) =>
      audited(context, 'plugin.install', P.install, async () => {
        const review = await installPackage(deps.install, context.body.source);
        if (!review.alreadyInstalled)
          await store.addHistory({
            pluginId: review.pluginId,
            action: 'install',
            version: review.version,
            actor: actorOf(context.credentials),
            message: `installed ${review.declaration.packageName}@${review.version} (${review.integrity.slice(0, 20)}…)`,
          });
        return review;
      }),
    review: async ({ credentials, params }) => {
      await read(credentials);
      const plugin = await lifecycle.current(params.pluginId);
      const version = plugin.versions.find((v) => v.version === params.version);
      if (!version)
        throw new NotFoundError(`plugin '${params.pluginId}' has no installed version ${params.version}`);
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
    enable: (context) =>
      audited(
        context,
        'plugin.enable',
        P.manage,
        () =>
          lifecycle.setVersion({
            ...context.params,
            ...context.body,
            action: 'enable',
            actor: actorOf(context.credentials),
          }),
        context.params.pluginId,
      ),
    upgrade: (context) =>
      audited(
        context,
        'plugin.upgrade',
        P.install,
        () =>
          lifecycle.setVersion({
            ...context.params,
            ...context.body,
            action: 'upgrade',
            actor: actorOf(context.credentials),
          }),
        context.params.pluginId,
      ),
    rollback: (context) =>
      audited(
        context,
        'plugin.rollback',
        P.install,
        () =>
          lifecycle.setVersion({
            ...context.params,
            ...context.body,
            action: 'rollback',
            actor: actorOf(context.credentials),
          }),
        context.params.pluginId,
      ),
    configure: (context) =>
      audited(
        context,
        'plugin.configure',
        P.manage,
        () => lifecycle.configure(context.params.pluginId, context.body.config, actorOf(context.credentials)),
        context.params.pluginId,
      ),
    disable: (context) =>
      audited(
        context,
        'plugin.disable',
        P.manage,
        () => lifecycle.disable(context.params.pluginId, actorOf(context.credentials)),
        context.params.pluginId,
      ),
    uninstall: (context) =>
      audited(
        context,
        'plugin.uninstall',
        P.uninstall,
        async () => {
          if (context.query.purge)
            throw new NotImplementedError(
              `purging the data of plugin '${context.params.pluginId}' is not supported yet; uninstall without purge keeps its data`,
            );
          await lifecycle.uninstall(context.params.pluginId, actorOf(context.credentials));
          return undefined;
        },
        context.params.pluginId,
      ),
    history: async ({ credentials, query }) => {
      await read(credentials);
      return { items: await store.history(query.pluginId, query.limit) };
    },
    backends: async ({ credentials }) => {
      await read(credentials);
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
  };
}
