import { createApiClient } from '@atrium/http-api';
import {
  ApiBlueprint,
  defineApiFactory,
  defineWebPlugin,
  discoveryApiRef,
  type ExtensionDefinition,
  fetchApiRef,
  PageBlueprint,
  type WebPlugin,
} from '@atrium/web-kernel';
import ExtensionOutlined from '@mui/icons-material/ExtensionOutlined';
import { pluginsApi } from '../common/index.js';
import { pluginsApiRef } from './api/plugins-api-ref.js';

/** `api:plugins`: the plugin manager's client over the app's fetch (which adds the user's token). */
export const pluginsApiExtension: ExtensionDefinition = ApiBlueprint.make({
  params: defineApiFactory({
    api: pluginsApiRef,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) =>
      createApiClient(pluginsApi, {
        baseUrl: () => discoveryApi.getBaseUrl('plugins'),
        fetch: fetchApi.fetch,
      }),
  }),
});

/**
 * `page:plugins`: Administration › Plugins at `/admin/plugins`, in the navigation only for
 * users who hold `plugins.read` (the API refuses the others anyway).
 */
export const pluginsAdminPage: ExtensionDefinition = PageBlueprint.make({
  params: {
    path: '/admin/plugins',
    title: 'Plugins',
    icon: ExtensionOutlined,
    section: 'Administration',
    isVisible: async (apis) => (await apis.get(pluginsApiRef).getAccess({})).canRead,
    loader: () => import('./page/plugins-admin-page.js').then((m) => <m.PluginsAdminPage />),
  },
});

/**
 * The plugin manager's admin UI: installed plugins with per-backend status, install from an
 * upload, a folder or the registry with a review before enabling, config, upgrade, rollback,
 * disable, uninstall and the event history.
 *
 * @example
 * createApp({ features: [appPlugin, catalogWebPlugin, pluginsWebPlugin] });
 */
export const pluginsWebPlugin: WebPlugin = defineWebPlugin({
  id: 'plugins',
  title: 'Plugins',
  extensions: [pluginsApiExtension, pluginsAdminPage],
});
