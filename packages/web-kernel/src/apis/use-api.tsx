import { AtriumError } from '@atrium/errors';
import { createContext, type ReactNode, useContext } from 'react';
import { webKernelErrorCodes } from '../web-kernel-error-codes.js';
import type { ApiRef } from './api-ref.js';
import type { ApiRegistry } from './api-registry.js';

const ApiContext = createContext<ApiRegistry | undefined>(undefined);

/** Props of {@link ApiProvider}. */
export interface ApiProviderProps {
  registry: ApiRegistry;
  children?: ReactNode;
}

/**
 * Makes a registry's APIs available to `useApi` below it (the app does this; tests may too).
 *
 * @example
 * <ApiProvider registry={createApiRegistry([fakeCatalogApiFactory])}><EntityCard /></ApiProvider>
 */
export function ApiProvider({ registry, children }: ApiProviderProps) {
  return <ApiContext.Provider value={registry}>{children}</ApiContext.Provider>;
}

/** The app's API registry, for code that picks APIs at run time (nav visibility checks). */
export function useApiRegistry(): ApiRegistry {
  const registry = useContext(ApiContext);
  if (!registry) {
    throw new AtriumError(
      webKernelErrorCodes.WEB_API_NO_PROVIDER,
      "useApiRegistry() was called outside an Atrium app. Render the component inside createApp's root, " +
        'or wrap it in <ApiProvider> in tests.',
    );
  }
  return registry;
}

/**
 * Returns the implementation of a utility API.
 *
 * @example
 * const fetchApi = useApi(fetchApiRef);
 */
export function useApi<TApi>(ref: ApiRef<TApi>): TApi {
  const registry = useContext(ApiContext);
  if (!registry) {
    throw new AtriumError(
      webKernelErrorCodes.WEB_API_NO_PROVIDER,
      `useApi('${ref.id}') was called outside an Atrium app. Render the component inside createApp's root, ` +
        'or wrap it in <ApiProvider> in tests.',
    );
  }
  return registry.get(ref);
}
