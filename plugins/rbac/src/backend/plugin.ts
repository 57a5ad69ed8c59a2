import { CATALOG_EVENT_TOPICS } from '@atrium/catalog/common';
import { coreServices, definePlugin, type Permission, type ResolvedServices } from '@atrium/kernel';
import { rbacApi, rbacPermissionList } from '../common/index.js';
import { createCatalogGroupLoader } from './catalog-groups.js';
import { type RbacConfig, rbacConfigSchema } from './config.js';
import { createRbacPolicy } from './create-rbac-policy.js';
import { createMembershipSource, expandMembership } from './group-membership.js';
import { createLivePolicy } from './live-policy.js';
import { rbacPolicyHolderRef } from './rbac-policy-holder.js';
import { listingRoutes } from './routes/listing-routes.js';
import { draftRoutes, policyRoutes, versionRoutes } from './routes/policy-routes.js';
import { announce, POLICY_PUBLISHED_TOPIC, type RbacContext } from './routes/rbac-context.js';
import { rbacMigrations } from './store/migrations.js';
import { createPolicyStore } from './store/policy-store.js';

const deps = {
  http: coreServices.httpRouter,
  database: coreServices.database,
  logger: coreServices.logger,
  permissions: coreServices.permissions,
  registry: coreServices.permissionsRegistry,
  instance: coreServices.instanceMetadata,
  events: coreServices.events,
  auditor: coreServices.auditor,
  auth: coreServices.auth,
  discovery: coreServices.discovery,
  backendPolicy: coreServices.permissionPolicy,
  holder: rbacPolicyHolderRef,
};

type Deps = ResolvedServices<typeof deps>;

function pluginIdLookup(deps: Pick<Deps, 'instance'>): (permission: Permission) => string {
  const owners = new Map<string, string>();
  for (const plugin of deps.instance.getInstalledPlugins())
    for (const p of plugin.permissions) owners.set(p.name, plugin.id);
  return (permission) => owners.get(permission.name) ?? permission.name.split('.')[0]!;
}

async function membershipOf(deps: Deps, config: RbacConfig) {
  const hasCatalog = deps.instance.getInstalledPlugins().some((p) => p.id === 'catalog');
  if (!config.groupsFromCatalog || !hasCatalog) {
    return (user: string, refs: readonly string[]) => expandMembership(undefined, user, refs);
  }
  const source = createMembershipSource({
    load: createCatalogGroupLoader(deps),
    refreshMs: config.groupRefreshSeconds * 1000,
    firstLoadTimeoutMs: 3000,
    logger: deps.logger,
  });
  await deps.events.subscribe({
    id: 'rbac.groups',
    topics: [CATALOG_EVENT_TOPICS.entityUpserted, CATALOG_EVENT_TOPICS.entityDeleted],
    onEvent: () => source.invalidate(),
  });
  return async (user: string, refs: readonly string[]) =>
    expandMembership(await source.current(), user, refs);
}

/**
 * Role-based access control at `/api/rbac`: roles in the database as a versioned policy
 * (draft, publish, history, restore), seeded or replaced from `permission.rbac.policyFile`,
 * enforced through the backend's permission policy (add {@link rbacPermissionPolicyFactory}
 * too; `backend.features: ['@atrium/rbac/backend']` adds both).
 */
export const rbacPlugin = definePlugin({
  id: 'rbac',
  description: 'Roles and a versioned permission policy, managed in the UI or a YAML file',
  configKey: 'permission.rbac',
  config: rbacConfigSchema,
  deps,
  permissions: rbacPermissionList,
  migrations: rbacMigrations,
  apis: [rbacApi],
  async init({ deps, config }) {
    const store = createPolicyStore(deps.database);
    const live = createLivePolicy({ store, config, logger: deps.logger, auditor: deps.auditor });
    await live.checkFile({ force: true });
    await live.refresh();
    deps.holder.install(
      createRbacPolicy({
        current: live.compiled,
        admins: new Set(config.admins),
        membership: await membershipOf(deps, config),
        pluginIdOf: pluginIdLookup(deps),
      }),
    );
    if (deps.backendPolicy !== deps.holder.policy) {
      deps.logger.warn(
        "rbac: another permission policy is the backend's; roles are stored but not enforced. Add rbacPermissionPolicyFactory (listing @atrium/rbac/backend in backend.features does)",
      );
    }
    await deps.events.subscribe({
      id: 'rbac.live-policy',
      topics: [POLICY_PUBLISHED_TOPIC],
      onEvent: () => live.refresh(),
    });
    const ctx: RbacContext = { store, live, ...deps };
    deps.http.implement(rbacApi, {
      ...policyRoutes(ctx),
      ...draftRoutes(ctx),
      ...versionRoutes(ctx),
      ...listingRoutes(ctx),
    });
    let timer: NodeJS.Timeout | undefined;
    const poll = async () => {
      // Events reach every backend at once; the poll catches what one missed while reconnecting.
      const fromFile = config.policyFileMode === 'replace' ? await live.checkFile() : undefined;
      if (fromFile) await announce(ctx, fromFile.version);
      else await live.refresh();
    };
    return {
      start() {
        timer = setInterval(
          () =>
            void poll().catch((error: unknown) =>
              deps.logger.warn(`rbac: poll failed: ${(error as Error).message}`),
            ),
          config.pollIntervalSeconds * 1000,
        );
        timer.unref();
      },
      stop() {
        clearInterval(timer);
      },
    };
  },
});
