import { catalogModelErrorCodes, type Entity } from '@atrium/catalog-model';
import { coreServices, definePlugin } from '@atrium/kernel';
import { catalogApi } from '../common/catalog-api.js';
import { catalogErrorCodes } from '../common/catalog-error-codes.js';
import { catalogPermissionList, RESOURCE_TYPE_CATALOG_ENTITY } from '../common/catalog-permissions.js';
import { catalogConfigSchema } from './config/catalog-config.js';
import { createCatalogRuntime, loadEntities } from './create-catalog-runtime.js';
import { catalogMigrations } from './database/catalog-migrations.js';
import { createSqlClient } from './database/sql-client.js';
import { createSqlReader } from './database/sql-reader.js';
import { tuneSqlite } from './database/tune-sqlite.js';
import {
  catalogKindsPoint,
  catalogProcessorsPoint,
  catalogProvidersPoint,
} from './extensions/catalog-extension-points.js';
import { catalogFileRoots } from './locations/catalog-file-roots.js';
import { catalogPermissionRules } from './permissions/catalog-permission-rules.js';
import { resetPureEntities } from './processing/claim-entities.js';
import { createConfigLocationProvider } from './providers/config-location-provider.js';
import { connectProviders } from './providers/connect-providers.js';
import { entityQueryRoutes } from './routes/entity-query-routes.js';
import { entityReadRoutes } from './routes/entity-read-routes.js';
import { entityWriteRoutes } from './routes/entity-write-routes.js';
import { locationRoutes } from './routes/location-routes.js';

/**
 * The software catalog: Backstage-compatible entities, the ingestion pipeline (providers,
 * processors, stitching) and the catalog REST API at `/api/catalog`.
 *
 * @example
 * backend.add(catalogPlugin); // or backend.features: ['@atrium/catalog/backend']
 */
export const catalogPlugin = definePlugin({
  id: 'catalog',
  description: 'The software catalog: entities, ingestion and the catalog REST API',
  config: catalogConfigSchema,
  deps: {
    db: coreServices.database,
    http: coreServices.httpRouter,
    logger: coreServices.logger,
    urlReader: coreServices.urlReader,
    events: coreServices.events,
    workQueue: coreServices.workQueue,
    permissions: coreServices.permissions,
    permissionsRegistry: coreServices.permissionsRegistry,
    auth: coreServices.auth,
    auditor: coreServices.auditor,
  },
  permissions: catalogPermissionList,
  fileRoots: catalogFileRoots,
  migrations: catalogMigrations,
  apis: [catalogApi],
  errorCodes: [catalogErrorCodes, catalogModelErrorCodes],
  extensionPoints: {
    processors: catalogProcessorsPoint,
    providers: catalogProvidersPoint,
    kinds: catalogKindsPoint,
  },
  async init({ deps, config, extensions }) {
    const db = createSqlClient(deps.db, await deps.db.getClient());
    await tuneSqlite(db);
    const reader = createSqlReader(deps.db, await deps.db.getReader());
    const { services, engine, fingerprint } = createCatalogRuntime({
      sql: db,
      reader,
      config,
      logger: deps.logger,
      urlReader: deps.urlReader,
      events: deps.events,
      workQueue: deps.workQueue,
      permissions: deps.permissions,
      auth: deps.auth,
      auditor: deps.auditor,
      processors: extensions.processors,
      kinds: extensions.kinds,
    });
    deps.permissionsRegistry.addResourceType<Entity>({
      resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
      rules: catalogPermissionRules,
      getResources: (refs) => loadEntities(reader, refs),
    });
    deps.http.implement(catalogApi, {
      ...entityReadRoutes(services),
      ...entityQueryRoutes(services),
      ...entityWriteRoutes(services),
      ...locationRoutes(services),
    });
    return {
      async start() {
        const providers = [
          createConfigLocationProvider(config.locations),
          services.locations,
          ...extensions.providers,
        ];
        await connectProviders(providers, 2, {
          sql: db,
          config,
          logger: deps.logger,
          publish: services.publish,
          wake: engine.wake,
        });
        await resetPureEntities(db, fingerprint);
        engine.start();
      },
      async stop() {
        await engine.stop();
      },
    };
  },
});
