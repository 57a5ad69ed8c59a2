import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AtriumError } from '@atrium/errors';
import { type BackendFeature, isBackendFeature } from '../definitions/feature.js';
import { kernelErrorCodes } from '../kernel-error-codes.js';

type ExportTarget = string | { [condition: string]: ExportTarget };

function pickExport(target: ExportTarget | undefined): string | undefined {
  if (typeof target === 'string' || target === undefined) return target;
  return pickExport(target.import ?? target.default ?? target.node);
}

/** A local plugin folder: its `./backend` export, else its main entry. */
function resolveLocal(spec: string, rootDir: string): string {
  const path = resolve(rootDir, spec);
  if (!existsSync(path)) {
    throw new AtriumError(
      kernelErrorCodes.KERNEL_FEATURE_LOAD_FAILED,
      `feature '${spec}' listed in backend.features does not exist at '${path}'`,
    );
  }
  if (!statSync(path).isDirectory()) return pathToFileURL(path).href;
  const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as {
    exports?: Record<string, ExportTarget>;
    main?: string;
  };
  const entry =
    pickExport(manifest.exports?.['./backend']) ?? pickExport(manifest.exports?.['.']) ?? manifest.main;
  if (!entry) {
    throw new AtriumError(
      kernelErrorCodes.KERNEL_FEATURE_LOAD_FAILED,
      `feature '${spec}' is a folder whose package.json exports neither './backend' nor '.'`,
    );
  }
  const file = join(path, entry);
  if (!existsSync(file)) {
    throw new AtriumError(
      kernelErrorCodes.KERNEL_FEATURE_LOAD_FAILED,
      `feature '${spec}' points at '${file}', which does not exist; build it first (npm run build)`,
    );
  }
  return pathToFileURL(file).href;
}

// A default export names what to load (a feature or a list); without one, every exported feature is loaded.
function featuresOf(spec: string, loaded: Record<string, unknown>): BackendFeature[] {
  const chosen = loaded.default !== undefined ? [loaded.default].flat() : Object.values(loaded);
  const features = [...new Set(chosen.filter(isBackendFeature))];
  if (features.length === 0) {
    throw new AtriumError(
      kernelErrorCodes.KERNEL_FEATURE_LOAD_FAILED,
      `feature '${spec}' exports no plugin, module or service factory`,
    );
  }
  return features;
}

/**
 * Loads the features listed in `backend.features` by dynamic import: package specifiers
 * (`@atrium/catalog/backend`) or paths relative to `rootDir` (`./local/my-plugin`).
 *
 * @example
 * for (const feature of await loadFeatures(config.getOptionalStringArray('backend.features') ?? [], process.cwd())) {
 *   backend.add(feature);
 * }
 */
export async function loadFeatures(
  specifiers: readonly string[],
  rootDir: string,
): Promise<BackendFeature[]> {
  const loaded = await Promise.all(
    specifiers.map(async (spec) => {
      const target = spec.startsWith('.') || isAbsolute(spec) ? resolveLocal(spec, rootDir) : spec;
      let module: Record<string, unknown>;
      try {
        module = (await import(target)) as Record<string, unknown>;
      } catch (error) {
        throw new AtriumError(
          kernelErrorCodes.KERNEL_FEATURE_LOAD_FAILED,
          `could not load feature '${spec}' listed in backend.features: ${(error as Error).message}. Is it installed (npm install) and built (npm run build)?`,
          { cause: error },
        );
      }
      return featuresOf(spec, module);
    }),
  );
  return loaded.flat();
}
