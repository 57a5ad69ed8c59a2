import { type BackendInspection, inspectBackend, loadConfig, loadFeatures } from '@atrium/kernel';

/** Loads config and every feature it lists, then inspects them without starting anything. */
export async function loadInstalled(
  rootDir: string,
  configPaths: readonly string[] | undefined,
): Promise<BackendInspection> {
  const { reader } = loadConfig({ rootDir, configPaths });
  const features = await loadFeatures(reader.getOptionalStringArray('backend.features') ?? [], rootDir);
  return inspectBackend(features, { rootDir, configPaths });
}
