import type { AnyApiFactory } from '../apis/api-ref.js';
import { coreExtensionData } from '../extensions/core-extension-data.js';
import { defineBlueprint } from '../extensions/define-blueprint.js';

/**
 * Provides a utility API (a client) to the whole app through `useApi`; attached to `app`'s `apis`.
 *
 * @example
 * ApiBlueprint.make({
 *   params: defineApiFactory({
 *     api: catalogApiRef,
 *     deps: { fetchApi: fetchApiRef, discoveryApi: discoveryApiRef },
 *     factory: ({ fetchApi, discoveryApi }) => new CatalogClient({ fetchApi, discoveryApi }),
 *   }),
 * });
 */
export const ApiBlueprint = defineBlueprint({
  kind: 'api',
  attachTo: { id: 'app', input: 'apis' },
  output: { factory: coreExtensionData.apiFactory },
  factory: (params: AnyApiFactory) => ({ factory: params }),
});
