import { ErrorPanel } from '@atrium/ui';
import { isValidElement, type ReactElement } from 'react';
import { createConfigApi } from '../apis/config-api.js';
import { coreExtensionData } from '../extensions/core-extension-data.js';
import type { WebPlugin } from '../extensions/define-web-plugin.js';
import { preloadElement } from '../extensions/lazy-element.js';
import { createAppExtension } from './app-extension.js';
import { parseExtensionsConfig } from './app-extensions-config.js';
import type { AppTree } from './app-node.js';
import { createAppRootExtension } from './app-root-extension.js';
import { buildAppTree } from './build-app-tree.js';
import { builtinThemes } from './builtin-themes.js';
import { createCoreApiExtensions } from './core-api-extensions.js';
import { defaultAppLayout } from './define-app-layout.js';
import { type AppDiagnostic, createDiagnosticsCollector } from './diagnostics.js';
import { instantiateAppTree } from './instantiate-app-tree.js';

/** Options of {@link createApp}. */
export interface CreateAppOptions {
  /** The plugins that make up the app, in the order their extensions should come. */
  features: readonly WebPlugin[];
  /** The frontend config (see `loadAppConfig`); `app.extensions` reshapes the tree. */
  config?: Record<string, unknown>;
  /** Problems found before the app was built (see `loadFeatureBundles`); listed first in `diagnostics`. */
  diagnostics?: readonly AppDiagnostic[];
  /** Start an in-memory router at these paths instead of using the browser's (for tests). */
  initialEntries?: string[];
}

/** A built app. */
export interface AtriumApp {
  /** The element to render, e.g. `createRoot(el).render(app.createRoot())`. */
  createRoot(): ReactElement;
  /** Every composition problem found, also logged with console.error. */
  readonly diagnostics: readonly AppDiagnostic[];
  readonly tree: AppTree;
  /**
   * Loads the code of every lazy extension in the tree, so that nothing renders a spinner
   * while its chunk loads: for tests, whose waits should not include loading code.
   */
  preload(): Promise<void>;
}

function routerBasename(baseUrl: string | undefined): string | undefined {
  if (!baseUrl) return undefined;
  try {
    const path = new URL(baseUrl).pathname.replace(/\/+$/, '');
    return path === '' ? undefined : path;
  } catch {
    return undefined;
  }
}

function AppFailure({ diagnostics }: { diagnostics: readonly AppDiagnostic[] }) {
  const message =
    diagnostics.map((d) => `[${d.code}] ${d.message}`).join('\n') || 'The app extension failed to build.';
  return <ErrorPanel title="The app could not start" error={message} />;
}

/**
 * Builds an app from plugins and config: the kernel's built-in extensions (`app`,
 * `app/root`, `app/layout`, core APIs, themes) plus every feature's extensions,
 * reshaped by `app.extensions`. Problems are logged and the rest still renders.
 *
 * @example
 * const app = createApp({ features: [appPlugin, catalogPlugin], config: await loadAppConfig() });
 * createRoot(document.getElementById('root')!).render(app.createRoot());
 */
export function createApp(options: CreateAppOptions): AtriumApp {
  const config = options.config ?? {};
  const diagnostics = createDiagnosticsCollector();
  diagnostics.list.push(...(options.diagnostics ?? []));
  const configApi = createConfigApi(config);
  const extensionsConfig = parseExtensionsConfig(configApi.getOptional('app.extensions'), diagnostics);
  // The root's tree API reads the tree at render time, after it has been built below.
  const treeRef: { current?: AppTree } = {};
  const builtins = [
    createAppExtension({ getTree: () => treeRef.current as AppTree, diagnostics }),
    createAppRootExtension({
      basename: routerBasename(configApi.getOptionalString('app.baseUrl')),
      initialEntries: options.initialEntries,
    }),
    defaultAppLayout,
    ...createCoreApiExtensions(config),
    ...builtinThemes,
  ];
  const tree = buildAppTree({ builtins, features: options.features, extensionsConfig, diagnostics });
  treeRef.current = tree;
  instantiateAppTree(tree, diagnostics);
  const rootElement = tree.root?.outputs?.get(coreExtensionData.reactElement.id) as ReactElement | undefined;
  return {
    diagnostics: diagnostics.list,
    tree,
    createRoot: () => rootElement ?? <AppFailure diagnostics={diagnostics.list} />,
    preload: async () => {
      const elements = [...tree.nodes.values()].map((node) =>
        node.outputs?.get(coreExtensionData.reactElement.id),
      );
      await Promise.all(elements.filter(isValidElement).map((element) => preloadElement(element)));
    },
  };
}
