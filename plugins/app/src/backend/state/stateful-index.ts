import type { JsonObject, LoggerService } from '@atrium/kernel';
import { injectFeatures } from '../features/inject-features.js';
import { injectConfig } from '../frontend-config.js';
import { createServedIndex, type ServedIndex } from '../served-index.js';
import type { FrontendStateHub } from './frontend-state-hub.js';

/** What the page needs: the bundle folder, the frontend config, the live state. */
interface StatefulIndexOptions {
  dir: string;
  frontendConfig: JsonObject;
  hub: FrontendStateHub;
  logger: LoggerService;
}

function withExtensions(frontendConfig: JsonObject, extensions: unknown[]): JsonObject {
  const app = (frontendConfig.app ?? {}) as JsonObject;
  return { ...frontendConfig, app: { ...app, extensions: extensions as JsonObject[] } };
}

/**
 * The index.html the app serves: the built page with the current frontend state in it (the
 * effective `app.extensions` in the config tag, the feature bundles in their block), rendered
 * again when the state's revision changes, so a fresh page starts from the live state.
 *
 * @example
 * const index = await createStatefulIndex({ dir, frontendConfig, hub, logger }, reloadBundles);
 */
export async function createStatefulIndex(
  options: StatefulIndexOptions,
  onRebuilt: () => Promise<void>,
): Promise<ServedIndex> {
  const base = await createServedIndex(
    options.dir,
    async (page, rebuilt) => {
      if (rebuilt) await onRebuilt();
      return page;
    },
    options.logger,
  );
  let cached: { page: string; revision: string; html: string } | undefined;
  const index: ServedIndex = {
    async html() {
      const page = await base.html();
      const state = options.hub.current();
      if (cached?.page !== page || cached.revision !== state.revision) {
        const config = withExtensions(options.frontendConfig, state.extensions);
        const html = injectFeatures(injectConfig(page, config), state.features);
        cached = { page, revision: state.revision, html };
      }
      return cached.html;
    },
  };
  // Rendered once now, so a page without the config tag stops startup, as before.
  await index.html();
  return index;
}
