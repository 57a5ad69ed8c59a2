import { lightTheme, UiThemeProvider } from '@atrium/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useSyncExternalStore } from 'react';
import type { AnyApiFactory } from '../apis/api-ref.js';
import { type ApiRegistry, createApiRegistry } from '../apis/api-registry.js';
import { type AppThemeApi, appThemeApiRef, createAppThemeApi } from '../apis/app-theme-api.js';
import { appTreeApiRef } from '../apis/app-tree-api.js';
import { ApiProvider } from '../apis/use-api.js';
import { coreExtensionData } from '../extensions/core-extension-data.js';
import { defineExtension, type ExtensionDefinition } from '../extensions/define-extension.js';
import { defineExtensionInput } from '../extensions/extension-input.js';
import type { AppTree } from './app-node.js';
import { browserStorage } from './browser-storage.js';
import { createAppTreeApi } from './create-app-tree-api.js';
import type { DiagnosticsCollector } from './diagnostics.js';

// Any error answer carries its HTTP status (a ResponseError of any client), so no class check.
const statusOf = (error: unknown) => (error as { statusCode?: unknown } | null)?.statusCode;

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx answer will not change on retry; network errors and 5xx may.
        retry: (failureCount, error) => {
          const status = statusOf(error);
          return failureCount < 2 && !(typeof status === 'number' && status < 500);
        },
      },
    },
  });
}

function ThemedRoot({ themeApi, children }: { themeApi: AppThemeApi; children: ReactNode }) {
  const active = useSyncExternalStore(themeApi.subscribe, themeApi.getActiveTheme);
  return <UiThemeProvider theme={active?.theme ?? lightTheme}>{children}</UiThemeProvider>;
}

interface AppProvidersProps {
  registry: ApiRegistry;
  queryClient: QueryClient;
  themeApi: AppThemeApi;
  children: ReactNode;
}

function AppProviders({ registry, queryClient, themeApi, children }: AppProvidersProps) {
  return (
    <ApiProvider registry={registry}>
      <QueryClientProvider client={queryClient}>
        <ThemedRoot themeApi={themeApi}>{children}</ThemedRoot>
      </QueryClientProvider>
    </ApiProvider>
  );
}

function uniqueFactories(
  items: readonly { id: string; output: { factory: AnyApiFactory } }[],
  diagnostics: DiagnosticsCollector,
): AnyApiFactory[] {
  const providerByApi = new Map<string, string>();
  const factories: AnyApiFactory[] = [];
  for (const { id, output } of items) {
    const apiId = output.factory.api.id;
    const first = providerByApi.get(apiId);
    if (first) {
      diagnostics.report(
        'WEB_API_DUPLICATE',
        id,
        `extensions '${first}' and '${id}' both provide API '${apiId}'; '${first}' is used. ` +
          `Disable one of them in app.extensions ('- ${id}: false').`,
      );
      continue;
    }
    providerByApi.set(apiId, id);
    factories.push(output.factory);
  }
  return factories;
}

/**
 * The root extension `app`: builds the utility APIs, the query client and the active
 * theme around `app/root`. Inputs: `root`, `apis`, `themes`.
 *
 * @example
 * const app = createAppExtension({ getTree: () => tree, diagnostics });
 */
export function createAppExtension(options: {
  getTree: () => AppTree;
  diagnostics: DiagnosticsCollector;
}): ExtensionDefinition {
  return defineExtension({
    id: 'app',
    inputs: {
      root: defineExtensionInput({ element: coreExtensionData.reactElement }, { singleton: true }),
      apis: defineExtensionInput({ factory: coreExtensionData.apiFactory }),
      themes: defineExtensionInput({ theme: coreExtensionData.theme }),
    },
    output: { element: coreExtensionData.reactElement },
    factory: ({ inputs }) => {
      const themeApi = createAppThemeApi(
        inputs.themes.map((item) => item.output.theme),
        browserStorage('localStorage'),
      );
      const registry = createApiRegistry([
        ...uniqueFactories(inputs.apis, options.diagnostics),
        { api: appThemeApiRef, deps: {}, factory: () => themeApi },
        { api: appTreeApiRef, deps: {}, factory: () => createAppTreeApi(options.getTree()) },
      ]);
      return {
        element: (
          <AppProviders registry={registry} queryClient={createQueryClient()} themeApi={themeApi}>
            {inputs.root.output.element}
          </AppProviders>
        ),
      };
    },
  });
}
