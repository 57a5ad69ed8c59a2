import {
  ApiBlueprint,
  defineApiFactory,
  discoveryApiRef,
  type ExtensionDefinition,
  fetchApiRef,
} from '@atrium/web-kernel';
import { scaffolderApiRef } from '../api/scaffolder-api.js';
import { createScaffolderClient } from '../api/scaffolder-client.js';

/** `api:scaffolder`: the scaffolder REST client (`useApi(scaffolderApiRef)`). */
export const scaffolderApiExtension: ExtensionDefinition = ApiBlueprint.make({
  params: defineApiFactory({
    api: scaffolderApiRef,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) => createScaffolderClient({ discoveryApi, fetchApi }),
  }),
});
