import { registerMetricsRoute } from '../services/metrics/serve-metrics.js';
import type { InitializedFeatures } from './init-features.js';
import { authEngineRef } from './internal-services.js';
import type { ResolvedServices } from './resolve-services.js';
import type { ValidatedInputs } from './validate-inputs.js';

/**
 * Boot phase 5: mounts each plugin's router under its prefix, then the root routes and
 * `/metrics`, each timing its requests.
 */
export async function mountRoutes(
  validated: ValidatedInputs,
  { container, metrics }: ResolvedServices,
  { server, routers }: InitializedFeatures,
): Promise<void> {
  for (const router of routers.plugins.values())
    await router.mount(server.fastify, {
      externalBaseUrl: validated.backend.baseUrl,
      durationHook: server.durationHook,
    });
  for (const { prefix, register } of routers.root)
    await server.fastify.register(
      async (instance) => {
        instance.addHook('onResponse', server.durationHook('-'));
        await register(instance);
      },
      { prefix },
    );
  registerMetricsRoute(server.fastify, {
    registry: metrics.registry,
    authenticator: async () => (await container.get(authEngineRef, 'kernel')).authenticator,
    onResponse: server.durationHook('-'),
  });
}
