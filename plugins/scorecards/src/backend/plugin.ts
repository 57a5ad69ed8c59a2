import { dirname } from 'node:path';
import { coreServices, definePlugin } from '@atrium/kernel';
import { scorecardsApi, scorecardsPermissionList } from '../common/index.js';
import { createPushedFactsCollectors, createPushedFactValidator } from './collection/push-facts.js';
import { catalogCollector } from './collectors/catalog-collector.js';
import { type FactCollector, scorecardsFactCollectorsExtensionPoint } from './collectors/fact-collector.js';
import { createScmCollector } from './collectors/scm-collector.js';
import { scorecardsConfigSchema } from './config.js';
import { createDefinitionRegistry } from './definitions/definition-registry.js';
import { loadDefinitionSources } from './definitions/load-definition-sources.js';
import { createScorecardsStores } from './evaluation/scorecards-stores.js';
import { definitionRoutes } from './routes/definition-routes.js';
import { insightRoutes } from './routes/insight-routes.js';
import { resultRoutes } from './routes/result-routes.js';
import { createAccess } from './routes/route-context.js';
import { scheduleScorecards } from './schedule-scorecards.js';
import { createScorecardsService } from './scorecards-service.js';
import { scorecardsMigrations } from './store/migrations.js';
import type { ScorecardsTables } from './store/tables.js';

/**
 * Tech health scorecards at `/api/scorecards`: facts from collectors (an extension point;
 * built in: catalog, scm, scorecards levels, pushed facts), checks as data, tracks with
 * levels, campaigns, exemptions and the history of every result.
 *
 * @example
 * backend.add(scorecardsPlugin); // or backend.features: ['@atrium/scorecards/backend']
 */
export const scorecardsPlugin = definePlugin({
  id: 'scorecards',
  description: 'Tech health scorecards: facts, checks, tracks with levels, campaigns, exemptions, history',
  config: scorecardsConfigSchema,
  deps: {
    database: coreServices.database,
    http: coreServices.httpRouter,
    logger: coreServices.logger,
    permissions: coreServices.permissions,
    scheduler: coreServices.scheduler,
    auditor: coreServices.auditor,
    auth: coreServices.auth,
    discovery: coreServices.discovery,
    userInfo: coreServices.userInfo,
    events: coreServices.events,
    urlReader: coreServices.urlReader,
  },
  permissions: scorecardsPermissionList,
  migrations: scorecardsMigrations,
  apis: [scorecardsApi],
  extensionPoints: { collectors: scorecardsFactCollectorsExtensionPoint },
  fileRoots: (config) => [
    { setting: 'scorecards.definitionFiles', paths: config.definitionFiles.map((file) => dirname(file)) },
  ],
  async init({ deps, config, extensions }) {
    const scm = config.collectors.scm;
    const collectors: FactCollector[] = [
      catalogCollector,
      ...(scm.facts.length > 0
        ? [
            createScmCollector({
              urlReader: deps.urlReader,
              facts: scm.facts,
              frequency: scm.frequency,
              timeout: scm.timeout,
            }),
          ]
        : []),
      ...createPushedFactsCollectors(config.pushedFacts),
      ...extensions.collectors,
    ];
    const stores = createScorecardsStores(await deps.database.getClient<ScorecardsTables>(), deps.database);
    const registry = createDefinitionRegistry(stores.definitions, collectors);
    const service = createScorecardsService({ ...deps, stores, registry, collectors });
    const routeDeps = {
      ...deps,
      stores,
      registry,
      service,
      collectors,
      pushedFacts: createPushedFactValidator(collectors),
    };
    const access = createAccess(routeDeps);
    deps.http.implement(scorecardsApi, {
      ...definitionRoutes(routeDeps, access),
      ...resultRoutes(routeDeps, access),
      ...insightRoutes(routeDeps, access),
    });
    await loadDefinitionSources({
      config,
      urlReader: deps.urlReader,
      store: stores.definitions,
      exemptions: stores.exemptions,
      registry,
      logger: deps.logger,
    });
    const unsubscribe = await scheduleScorecards({ ...deps, service, registry, collectors, config });
    return { stop: () => unsubscribe() };
  },
});

export default scorecardsPlugin;
