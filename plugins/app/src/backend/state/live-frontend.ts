import type { LoggerService } from '@atrium/kernel';
import type { ExtensionEntry } from '../../common/frontend-state.js';
import type { AppConfig } from '../app-config-schema.js';
import { createFeatureSet } from '../features/feature-set.js';
import { loadConfiguredFeatures } from '../features/load-configured-features.js';
import type { LoadedFeatureBundle } from '../features/load-feature-bundle.js';
import { readSharedModules } from '../features/read-shared-modules.js';
import type { FrontendFeatureSource } from '../runtime/frontend-feature-source.js';
import { createRuntimeFeatures } from '../runtime/runtime-features.js';
import { createFrontendStateHub, type FrontendStateHub } from './frontend-state-hub.js';
import { createFrontendStateStream, type FrontendStateStream } from './stream-frontend-state.js';

/** Where the live frontend's parts come from. */
interface LiveFrontendOptions {
  config: AppConfig;
  /** The built web app's folder. */
  dir: string;
  sources: readonly FrontendFeatureSource[];
  /** The effective `app.extensions`, read on every refresh. */
  extensions(): Promise<readonly ExtensionEntry[]>;
  logger: LoggerService;
}

/** The feature bundles (configured and runtime), the state made of them, and its stream. */
export interface LiveFrontend {
  hub: FrontendStateHub;
  stream: FrontendStateStream;
  /** Every bundle served, for `/assets/features/*`. */
  served(): readonly LoadedFeatureBundle[];
  /** Reloads every bundle (the web app was rebuilt) and refreshes the state. */
  reloadAll(): Promise<void>;
  /** Follows the runtime sources; returns the stop. */
  listen(): () => void;
}

/**
 * Puts together what the app serves live: `app.features` bundles, runtime sources' bundles,
 * and the frontend state (with the layout) pushed to open browsers.
 *
 * @example
 * const live = await createLiveFrontend({ config, dir, sources, extensions, logger });
 */
export async function createLiveFrontend(options: LiveFrontendOptions): Promise<LiveFrontend> {
  const { config, dir, logger } = options;
  const configured = createFeatureSet(() =>
    loadConfiguredFeatures(config.features, { rootDir: process.cwd(), bundleDir: dir }),
  );
  const runtime = createRuntimeFeatures(options.sources, () => readSharedModules(dir), logger);
  await Promise.all([configured.load(), runtime.set.load()]);
  const hub = await createFrontendStateHub({
    features: () => [...configured.current(), ...runtime.set.current()],
    extensions: options.extensions,
  });
  return {
    hub,
    stream: createFrontendStateStream(hub),
    served: () => [...configured.served(), ...runtime.set.served()],
    async reloadAll() {
      await Promise.all([configured.load(), runtime.set.load()]);
      await hub.refresh();
    },
    listen: () => runtime.listen(() => hub.refresh()),
  };
}
