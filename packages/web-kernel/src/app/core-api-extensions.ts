import { defineApiFactory } from '../apis/api-ref.js';
import { type ConfigApi, configApiRef, createConfigApi } from '../apis/config-api.js';
import { createDiscoveryApi, discoveryApiRef } from '../apis/discovery-api.js';
import { createFetchApi, fetchApiRef } from '../apis/fetch-api.js';
import { createIdentityApi, identityApiRef } from '../apis/identity-api.js';
import { ApiBlueprint } from '../blueprints/api-blueprint.js';
import type { ExtensionDefinition } from '../extensions/define-extension.js';
import { browserStorage } from './browser-storage.js';

function backendBaseUrl(config: ConfigApi): string {
  return (
    config.getOptionalString('backend.baseUrl') ?? globalThis.location?.origin ?? 'http://localhost:7007'
  );
}

function originOf(url: string): string[] {
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}

/**
 * The kernel's utility APIs as `api:app/*` extensions (config, discovery, identity,
 * fetch); a feature replaces one by declaring an extension with the same id.
 *
 * @example
 * const apis = createCoreApiExtensions({ app: { title: 'Atrium' } });
 */
export function createCoreApiExtensions(configData: Record<string, unknown>): ExtensionDefinition[] {
  return [
    ApiBlueprint.make({
      namespace: 'app',
      name: 'config',
      params: defineApiFactory({ api: configApiRef, deps: {}, factory: () => createConfigApi(configData) }),
    }),
    ApiBlueprint.make({
      namespace: 'app',
      name: 'discovery',
      params: defineApiFactory({
        api: discoveryApiRef,
        deps: { config: configApiRef },
        factory: ({ config }) => createDiscoveryApi({ baseUrl: backendBaseUrl(config) }),
      }),
    }),
    ApiBlueprint.make({
      namespace: 'app',
      name: 'identity',
      params: defineApiFactory({
        api: identityApiRef,
        deps: { discoveryApi: discoveryApiRef },
        factory: ({ discoveryApi }) =>
          createIdentityApi({
            discoveryApi,
            storage: browserStorage('sessionStorage'),
            landingUrl: globalThis.location?.href,
            replaceUrl: (url) => globalThis.history?.replaceState(globalThis.history.state, '', url),
          }),
      }),
    }),
    ApiBlueprint.make({
      namespace: 'app',
      name: 'fetch',
      params: defineApiFactory({
        api: fetchApiRef,
        deps: { identityApi: identityApiRef, config: configApiRef },
        factory: ({ identityApi, config }) =>
          createFetchApi({ identityApi, trustedOrigins: originOf(backendBaseUrl(config)) }),
      }),
    }),
  ];
}
