import { coreServices, definePlugin, type Permission } from '@atrium/kernel';
import { permissionApi } from '../common/index.js';
import { authorizeItems } from './authorize-items.js';

/**
 * Backstage's permission endpoint at `/api/permission/authorize`: clients outside this
 * backend (Backstage frontends and plugins, scripts with a service token) ask the
 * backend's permission policy for the caller's decisions. It holds no policy of its own:
 * every decision is the kernel permission service's, exactly as a plugin's own check.
 *
 * @example
 * backend.add(permissionPlugin); // or backend.features: ['@atrium/permission/backend']
 */
export const permissionPlugin = definePlugin({
  id: 'permission',
  description: "Backstage's POST /api/permission/authorize over the backend's permission policy",
  deps: {
    http: coreServices.httpRouter,
    permissions: coreServices.permissions,
    instance: coreServices.instanceMetadata,
  },
  apis: [permissionApi],
  async init({ deps }) {
    let declared: Map<string, Permission> | undefined;
    // Read on first use: every plugin has registered by the time a request arrives.
    const declaredPermissions = () => {
      declared ??= new Map(
        deps.instance.getInstalledPlugins().flatMap((plugin) => plugin.permissions.map((p) => [p.name, p])),
      );
      return declared;
    };
    deps.http.implement(permissionApi, {
      async authorize({ body, credentials }) {
        const items = await authorizeItems(
          { permissions: deps.permissions, declared: declaredPermissions },
          body.items,
          credentials,
        );
        return { items };
      },
    });
  },
});
