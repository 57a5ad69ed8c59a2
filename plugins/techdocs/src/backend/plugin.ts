import { coreServices, definePlugin } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import { techdocsApi, techdocsPermissionList } from '../common/index.js';
import { techdocsConfigSchema } from './config.js';
import { followCatalog } from './follow-catalog.js';
import { createCollateHandler } from './routes/collate-route.js';
import { createMetadataHandlers } from './routes/metadata-routes.js';
import { createSiteHandlers } from './routes/site-routes.js';
import { createStaticFileHandler } from './routes/static-route.js';
import { createSyncHandler } from './routes/sync-route.js';
import { createBuildQueue, scheduleRefresh } from './start-build-queue.js';
import { createDatabaseBodyStore, createLocalBodyStore } from './store/body-store.js';
import { techdocsMigrations } from './store/migrations.js';
import { createSiteStore } from './store/site-store.js';
import type { TechDocsTables } from './store/tables.js';
import { createTechDocsCatalog, type TechDocsContext } from './techdocs-context.js';
import { DEFAULT_VERSION } from './versions.js';

const SHUTDOWN_GRACE_MS = 5000;

/**
 * TechDocs at `/api/techdocs`: builds `mkdocs.yml` + Markdown sites natively (no Python),
 * incrementally, on the kernel's work queue; stores them in its database (or a folder);
 * serves them with TechDocs' paths, every answer checked against the entity's read
 * permission.
 */
export const techdocsPlugin = definePlugin({
  id: 'techdocs',
  description:
    'Docs like code: mkdocs.yml + Markdown built natively, sanitised, incremental, permission-checked',
  config: techdocsConfigSchema,
  deps: {
    http: coreServices.httpRouter,
    database: coreServices.database,
    logger: coreServices.logger,
    auth: coreServices.auth,
    discovery: coreServices.discovery,
    urlReader: coreServices.urlReader,
    permissions: coreServices.permissions,
    scheduler: coreServices.scheduler,
    workQueue: coreServices.workQueue,
    events: coreServices.events,
  },
  permissions: techdocsPermissionList,
  migrations: techdocsMigrations,
  apis: [techdocsApi],
  async init({ deps, config }) {
    const db: Kysely<TechDocsTables> = await deps.database.getClient<TechDocsTables>();
    const bodies =
      config.publisher.local && config.publisher.type === 'local'
        ? createLocalBodyStore(config.publisher.local.publishDirectory)
        : createDatabaseBodyStore();
    const store = createSiteStore(db, bodies);
    const queue = createBuildQueue(deps, db, config, () => ctx);
    const ctx: TechDocsContext = {
      config,
      store,
      catalog: createTechDocsCatalog(deps),
      auth: deps.auth,
      permissions: deps.permissions,
      urlReader: deps.urlReader,
      events: deps.events,
      logger: deps.logger,
      async requestBuild(entityRef, version = DEFAULT_VERSION) {
        await store.requestBuild(entityRef, version, Date.now());
        queue.wake({ allBackends: true });
      },
    };
    deps.http.implement(techdocsApi, {
      ...createMetadataHandlers(ctx),
      ...createSiteHandlers(ctx),
      syncEntity: createSyncHandler(ctx),
      getStaticFile: createStaticFileHandler(ctx),
      listIndexablePages: createCollateHandler(ctx),
    });
    await scheduleRefresh(deps, config, ctx);
    const unfollow = await followCatalog(deps);
    return {
      start: () => queue.start(),
      async stop() {
        unfollow();
        await queue.stop(SHUTDOWN_GRACE_MS);
      },
    };
  },
});

export default techdocsPlugin;
