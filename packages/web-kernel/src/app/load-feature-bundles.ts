import type { WebPlugin } from '../extensions/define-web-plugin.js';
import type { AppDiagnostic } from './diagnostics.js';
import { createDiagnosticsCollector } from './diagnostics.js';

/** One frontend feature bundle the page lists: an ES module whose exports are web plugins. */
export interface FeatureBundle {
  /** The package it comes from, for messages. */
  name: string;
  /** Where the module is served, e.g. `/assets/features/acme-tech-radar-1f2e…/index.js`. */
  url: string;
}

/** What {@link loadFeatureBundles} found. */
export interface LoadedFeatureBundles {
  /** The web plugins of every bundle that loaded, in the order the bundles are listed. */
  features: WebPlugin[];
  /** A bundle that failed to load or exports no web plugin; pass these to `createApp`. */
  diagnostics: AppDiagnostic[];
}

/** Options of {@link loadFeatureBundles}, for tests and other hosts. */
export interface LoadFeatureBundlesOptions {
  /** The bundles to load; default: the `atrium-features` JSON block the backend puts in index.html. */
  bundles?: readonly FeatureBundle[];
  document?: Document;
  /** Imports a module by URL; default: the browser's dynamic `import()`. */
  importModule?: (url: string) => Promise<Record<string, unknown>>;
}

function isWebPlugin(value: unknown): value is WebPlugin {
  return typeof value === 'object' && value !== null && (value as WebPlugin).$$type === '@atrium/WebPlugin';
}

/** The bundles index.html lists in its `atrium-features` block; throws on invalid JSON. */
export function readListedBundles(doc: Document | undefined): FeatureBundle[] {
  const text = doc?.getElementById('atrium-features')?.textContent?.trim();
  if (!text) return [];
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((b): b is FeatureBundle => typeof b?.name === 'string' && typeof b?.url === 'string');
}

// As for backend features: a default export names what to load (a plugin or a list);
// without one, every exported web plugin is loaded.
function pluginsOf(module: Record<string, unknown>): WebPlugin[] {
  const chosen = module.default !== undefined ? [module.default].flat() : Object.values(module);
  return [...new Set(chosen.filter(isWebPlugin))];
}

const browserImport = (url: string) => import(/* @vite-ignore */ url) as Promise<Record<string, unknown>>;

/**
 * Loads the frontend features listed in `app.features`: the backend serves each one's ES
 * module bundle and lists it in index.html; this imports them all, in parallel, before the
 * app is created. A bundle that fails is left out and reported, and the rest still load.
 *
 * @example
 * const [config, loaded] = await Promise.all([loadAppConfig(), loadFeatureBundles()]);
 * const app = createApp({ features: [...builtIn, ...loaded.features], config, diagnostics: loaded.diagnostics });
 */
export async function loadFeatureBundles(
  options: LoadFeatureBundlesOptions = {},
): Promise<LoadedFeatureBundles> {
  const diagnostics = createDiagnosticsCollector();
  let bundles: readonly FeatureBundle[];
  try {
    bundles = options.bundles ?? readListedBundles(options.document ?? globalThis.document);
  } catch (error) {
    diagnostics.report(
      'WEB_FEATURE_LOAD_FAILED',
      undefined,
      'the atrium-features block in index.html holds invalid JSON; no configured feature was loaded',
      error,
    );
    return { features: [], diagnostics: diagnostics.list };
  }
  const importModule = options.importModule ?? browserImport;
  // Imports run in parallel but are reported in the order app.features lists them, so the
  // messages read the same on every load.
  const settled = await Promise.allSettled(bundles.map(({ url }) => importModule(url)));
  const features: WebPlugin[] = [];
  settled.forEach((result, index) => {
    const { name, url } = bundles[index] as FeatureBundle;
    if (result.status === 'rejected') {
      const error: unknown = result.reason;
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
      diagnostics.report(
        'WEB_FEATURE_LOAD_FAILED',
        undefined,
        `feature '${name}' listed in app.features could not be loaded from ${url}: ${reason}. Its pages are left out; rebuild it (npm run build in its package) and restart.`,
        error,
      );
      return;
    }
    const plugins = pluginsOf(result.value);
    if (plugins.length === 0) {
      diagnostics.report(
        'WEB_FEATURE_INVALID',
        undefined,
        `feature '${name}' listed in app.features exports no web plugin; export one made with defineWebPlugin (as default, or by name).`,
      );
    }
    features.push(...plugins);
  });
  return { features, diagnostics: diagnostics.list };
}
