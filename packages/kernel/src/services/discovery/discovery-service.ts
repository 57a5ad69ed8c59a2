/** Where plugins' APIs live. */
export interface DiscoveryService {
  /** URL for calls from inside the backend (loopback). */
  getBaseUrl(pluginId: string): Promise<string>;
  /** URL for links shown to people and external callers (`backend.baseUrl`). */
  getExternalBaseUrl(pluginId: string): Promise<string>;
}

/**
 * Creates discovery for a single-host deployment: every plugin is served by this backend.
 *
 * @example
 * const discovery = createDiscovery(() => 'http://127.0.0.1:7007', 'https://portal.example.com');
 */
export function createDiscovery(internalOrigin: () => string, externalBaseUrl: string): DiscoveryService {
  const external = externalBaseUrl.replace(/\/$/, '');
  return {
    getBaseUrl: async (pluginId) => `${internalOrigin()}/api/${pluginId}`,
    getExternalBaseUrl: async (pluginId) => `${external}/api/${pluginId}`,
  };
}
