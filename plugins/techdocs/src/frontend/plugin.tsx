import { EntityTabBlueprint } from '@atrium/catalog/frontend';
import {
  ApiBlueprint,
  defineApiFactory,
  defineWebPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  type WebPlugin,
} from '@atrium/web-kernel';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import { createTechDocsClient, techdocsApiRef } from './api/techdocs-client.js';

const DOCS_PATH = '/docs';
const hasDocs = (entity: { metadata: { annotations?: Record<string, string> } }) =>
  Boolean(
    entity.metadata.annotations?.['backstage.io/techdocs-ref'] ||
      entity.metadata.annotations?.['backstage.io/techdocs-entity'],
  );

/**
 * The docs UI: `page:techdocs` at `/docs` (the index of documented entities and the
 * reader), an entity "Docs" tab for entities with docs, and the techdocs client.
 *
 * @example
 * createApp({ features: [appPlugin, catalogWebPlugin, techdocsWebPlugin] });
 */
export const techdocsWebPlugin: WebPlugin = defineWebPlugin({
  id: 'techdocs',
  title: 'Docs',
  extensions: [
    ApiBlueprint.make({
      params: defineApiFactory({
        api: techdocsApiRef,
        deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
        factory: ({ discoveryApi, fetchApi }) => createTechDocsClient({ discoveryApi, fetchApi }),
      }),
    }),
    PageBlueprint.make({
      params: {
        path: DOCS_PATH,
        title: 'Docs',
        icon: MenuBookOutlined,
        loader: () => import('./docs-router.js').then((m) => <m.DocsRouter basePath={DOCS_PATH} />),
      },
    }),
    EntityTabBlueprint.make({
      name: 'docs',
      params: {
        path: '/docs',
        title: 'Docs',
        filter: hasDocs,
        loader: () => import('./entity-docs-tab.js').then((m) => <m.EntityDocsTab />),
      },
    }),
  ],
});
