import { ServiceUnavailableError } from '@atrium/errors';
import type { ApiClientOptions } from '@atrium/http-api';
import type { DiscoveryService } from '../discovery/discovery-service.js';
import type { AuthService } from './auth-service.js';
import type { Credentials } from './credentials.js';

/**
 * What `createApiClient` needs to call another plugin from a backend: the target's base
 * URL and a fetch that sends a plugin token, on behalf of `onBehalfOf` (so the target
 * applies that caller's permissions) or of the calling plugin itself. A target that cannot
 * be reached is a ServiceUnavailableError naming it.
 *
 * @example
 * const catalog = createCatalogClient(pluginClientOptions(deps, 'catalog', credentials));
 */
export function pluginClientOptions(
  deps: { auth: AuthService; discovery: DiscoveryService },
  targetPluginId: string,
  onBehalfOf?: Credentials,
): Required<ApiClientOptions> & { baseUrl: () => Promise<string> } {
  const baseUrl = () => deps.discovery.getBaseUrl(targetPluginId);
  return {
    baseUrl,
    async fetch(url, init) {
      const { token } = await deps.auth.getPluginRequestToken({
        onBehalfOf: onBehalfOf ?? deps.auth.getOwnServiceCredentials(),
        targetPluginId,
      });
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      try {
        return await fetch(url, { ...init, headers });
      } catch (error) {
        throw new ServiceUnavailableError(
          `plugin '${targetPluginId}' at ${await baseUrl()} could not be reached: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
  };
}
