import type { BackendFeatureInput } from '../definitions/feature.js';
import { type LoadConfigOptions, type LoadedConfig, loadConfig } from '../services/config/load-config.js';
import { type CollectedFeatures, collectFeatures } from './collect-features.js';

/** What the collect phase found: every feature, sorted, with its problems, and the merged config. */
export interface CollectedInputs extends CollectedFeatures {
  config: LoadedConfig;
}

/** Boot phase 1: awaits the features' imports and reads the config files; nothing is checked yet. */
export async function collectInputs(
  inputs: readonly BackendFeatureInput[],
  configOptions: LoadConfigOptions,
): Promise<CollectedInputs> {
  const features = await collectFeatures(inputs);
  return { ...features, config: loadConfig(configOptions) };
}
