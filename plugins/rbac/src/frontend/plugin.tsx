import {
  ApiBlueprint,
  defineApiFactory,
  defineWebPlugin,
  discoveryApiRef,
  type ExtensionDefinition,
  fetchApiRef,
  type NavItem,
  PageBlueprint,
  type WebPlugin,
} from '@atrium/web-kernel';
import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import { createRbacClient, rbacApiRef } from './api/rbac-client.js';

/** `api:rbac`: the RBAC client (`useApi(rbacApiRef)`). */
export const rbacApiExtension: ExtensionDefinition = ApiBlueprint.make({
  params: defineApiFactory({
    api: rbacApiRef,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) => createRbacClient({ discoveryApi, fetchApi }),
  }),
});

/** Whether the signed-in user sees Access control in the navigation: they hold `rbac.policy.read`. */
export const canSeeRbacAdmin: NonNullable<NavItem['isVisible']> = async (apis) =>
  (await apis.get(rbacApiRef).getAccess({})).canRead;

/** `page:rbac`: Administration › Access control at `/admin/rbac`, in the nav only for who may read the policy. */
export const rbacPage: ExtensionDefinition = PageBlueprint.make({
  params: {
    path: '/admin/rbac',
    title: 'Access control',
    icon: AdminPanelSettingsOutlined,
    section: 'Administration',
    isVisible: canSeeRbacAdmin,
    loader: () => import('./rbac-page.js').then((m) => <m.RbacPage />),
  },
});

/**
 * The RBAC admin UI: roles, the draft, publishing with a diff, history with restore and
 * YAML export. Hidden from users without `rbac.policy.read` (the API refuses them too).
 *
 * @example
 * createApp({ features: [appPlugin, catalogWebPlugin, scaffolderWebPlugin, rbacWebPlugin] });
 */
export const rbacWebPlugin: WebPlugin = defineWebPlugin({
  id: 'rbac',
  title: 'Access control',
  extensions: [rbacApiExtension, rbacPage],
});
