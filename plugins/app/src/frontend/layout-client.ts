import { type ApiClient, createApiClient } from '@atrium/http-api';
import { type DiscoveryApi, defineApiRef, type FetchApi } from '@atrium/web-kernel';
import { appApi } from '../common/app-api.js';

/** The app plugin's API as the browser uses it (layout routes and the frontend state). */
export type AppLayoutClient = ApiClient<(typeof appApi)['routes']>;

/** Ref of the layout client (`useApi(appLayoutApiRef)`). */
export const appLayoutApiRef = defineApiRef<AppLayoutClient>({ id: 'plugin.app.layout' });

/**
 * Creates the client.
 *
 * @example
 * const { canUpdate } = await createAppLayoutClient({ discoveryApi, fetchApi }).getLayoutAccess({});
 */
export function createAppLayoutClient(deps: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}): AppLayoutClient {
  return createApiClient(appApi, {
    baseUrl: () => deps.discoveryApi.getBaseUrl('app'),
    fetch: deps.fetchApi.fetch,
  });
}
