import { appFrontendFeaturesExtensionPoint, type FrontendFeatureSource } from '@atrium/app/backend';
import { createApiClient } from '@atrium/http-api';
import {
  coreServices,
  defineModule,
  type EventsService,
  type LoggerService,
  pluginClientOptions,
} from '@atrium/kernel';
import { PLUGINS_FRONTENDS_CHANGED_TOPIC, pluginsApi } from '../../common/index.js';

type PluginsClient = ReturnType<typeof createApiClient<(typeof pluginsApi)['routes']>>;

const RETRY_MS = 1000;

function createSource(
  client: PluginsClient,
  events: EventsService,
  logger: LoggerService,
): FrontendFeatureSource {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  void events.subscribe({
    id: 'app.plugins-frontend-source',
    topics: [PLUGINS_FRONTENDS_CHANGED_TOPIC],
    onEvent: notify,
  });
  return {
    id: 'plugins',
    async list() {
      try {
        const { items } = await client.frontendFeatures();
        return items.map((item) => ({ name: item.name, version: item.version, dir: item.dir }));
      } catch (error) {
        // The app lists its sources during boot, before this backend listens: none yet, ask again soon.
        logger.debug(`installed plugins' frontends not listed yet (${(error as Error).message}); retrying`);
        setTimeout(notify, RETRY_MS).unref();
        return [];
      }
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

/**
 * The frontends of installed plugins in the web app: a feature source of the app plugin
 * backed by the plugin manager's API (what this backend serves) and its change events,
 * so open browsers get a new frontend state when a plugin is enabled, upgraded or disabled.
 */
export const appFrontendSourceModule = defineModule({
  plugin: 'app',
  id: 'plugins-frontend-source',
  description: 'Frontend bundles of installed plugins, from the plugin manager',
  deps: {
    auth: coreServices.auth,
    discovery: coreServices.discovery,
    events: coreServices.events,
    logger: coreServices.logger,
  },
  extensionPoints: { frontendFeatures: appFrontendFeaturesExtensionPoint },
  init({ deps, extensions }) {
    const client = createApiClient(pluginsApi, pluginClientOptions(deps, 'plugins'));
    extensions.frontendFeatures.add(createSource(client, deps.events, deps.logger));
  },
});
