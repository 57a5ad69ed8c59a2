import { defineApiRef } from './api-ref.js';

/** Tells where a backend plugin's HTTP API lives. */
export interface DiscoveryApi {
  /** Base URL of a plugin's API, e.g. `https://portal.example.com/api/catalog`. */
  getBaseUrl(pluginId: string): Promise<string>;
}

/** Ref of the discovery API. */
export const discoveryApiRef = defineApiRef<DiscoveryApi>({ id: 'core.discovery' });

/**
 * Discovery for Atrium's layout, where every plugin is mounted at `<backend.baseUrl>/api/<pluginId>`.
 *
 * @example
 * await createDiscoveryApi({ baseUrl: 'http://localhost:7007' }).getBaseUrl('catalog');
 */
export function createDiscoveryApi(options: { baseUrl: string }): DiscoveryApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  return { getBaseUrl: async (pluginId) => `${base}/api/${encodeURIComponent(pluginId)}` };
}
