import { defineExtensionPoint } from '@atrium/kernel';

/** A frontend feature bundle that was enabled at run time (not listed in `app.features`). */
export interface RuntimeFrontendFeature {
  /** The package name, as a bundle in `app.features` is named. */
  name: string;
  version: string;
  /** Folder holding the built ES module bundle; its entry is `index.js`. Every file in it is served. */
  dir: string;
}

/**
 * Where runtime frontend features come from (the plugin manager adds one). The app plugin
 * serves their bundles like `app.features` ones and pushes a new frontend state to open
 * browsers whenever `subscribe`'s callback fires.
 */
export interface FrontendFeatureSource {
  /** Names the source in logs and errors. */
  id: string;
  /** The runtime frontend features enabled now. */
  list(): Promise<RuntimeFrontendFeature[]>;
  /** Calls `onChange` when the list changed (on any backend); returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

/**
 * Where modules of `app` add runtime frontend feature sources.
 *
 * @example
 * export const pluginsFrontendSource = defineModule({
 *   plugin: 'app', id: 'plugins-frontend-source',
 *   deps: { events: coreServices.events },
 *   extensionPoints: { frontendFeatures: appFrontendFeaturesExtensionPoint },
 *   init({ deps, extensions }) { extensions.frontendFeatures.add(createSource(deps)); },
 * });
 */
export const appFrontendFeaturesExtensionPoint = defineExtensionPoint<FrontendFeatureSource>({
  id: 'app.frontendFeatures',
});
