import type { ApiClient } from '@atrium/http-api';
import { defineApiRef } from '@atrium/web-kernel';
import type { pluginsApi } from '../../common/index.js';

/** The plugin manager's REST API (base `/api/plugins`) as the browser uses it: one method per route. */
export type PluginsClient = ApiClient<typeof pluginsApi.routes>;

/** Ref of the plugin manager's client (`useApi(pluginsApiRef)`). */
export const pluginsApiRef = defineApiRef<PluginsClient>({ id: 'plugins.client' });
