import { createApiClient } from '@atrium/http-api';
import {
  ApiBlueprint,
  defineApiFactory,
  defineWebPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  type WebPlugin,
} from '@atrium/web-kernel';
import HistoryIcon from '@mui/icons-material/History';
import { auditApi } from '../common/index.js';
import { auditApiRef } from './api/audit-api-ref.js';

/** `api:audit`: the audit client over the app's fetch (which adds the user's token). */
export const auditApiExtension = ApiBlueprint.make({
  params: defineApiFactory({
    api: auditApiRef,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) =>
      createApiClient(auditApi, { baseUrl: () => discoveryApi.getBaseUrl('audit'), fetch: fetchApi.fetch }),
  }),
});

/**
 * `page:audit` at `/audit`, listed under "Administration" only for users who may read the
 * audit log (the API refuses the others anyway).
 */
export const auditPage = PageBlueprint.make({
  params: {
    path: '/audit',
    title: 'Audit log',
    icon: HistoryIcon,
    section: 'Administration',
    isVisible: async (apis) => (await apis.get(auditApiRef).getAccess({})).canRead,
    loader: () => import('./page/audit-page.js').then((m) => <m.AuditPage />),
  },
});

/**
 * The audit log viewer: a table of audit events with filters, paging and a detail drawer.
 *
 * @example
 * createApp({ features: [appPlugin, catalogWebPlugin, scaffolderWebPlugin, auditWebPlugin] });
 */
export const auditWebPlugin: WebPlugin = defineWebPlugin({
  id: 'audit',
  title: 'Audit log',
  extensions: [auditApiExtension, auditPage],
});
