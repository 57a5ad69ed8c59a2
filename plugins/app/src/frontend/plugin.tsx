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
import DashboardCustomizeOutlined from '@mui/icons-material/DashboardCustomizeOutlined';
import { appLayoutApiRef, createAppLayoutClient } from './layout-client.js';

/** `api:app-layout`: the layout client (`useApi(appLayoutApiRef)`). */
export const appLayoutApiExtension: ExtensionDefinition = ApiBlueprint.make({
  params: defineApiFactory({
    api: appLayoutApiRef,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) => createAppLayoutClient({ discoveryApi, fetchApi }),
  }),
});

/** Whether the signed-in user sees Portal layout in the navigation: they hold `app.layout.update`. */
export const canEditLayout: NonNullable<NavItem['isVisible']> = async (apis) =>
  (await apis.get(appLayoutApiRef).getLayoutAccess({})).canUpdate;

/** `page:app-layout`: Administration › Portal layout at `/admin/layout`. */
export const appLayoutPage: ExtensionDefinition = PageBlueprint.make({
  params: {
    path: '/admin/layout',
    title: 'Portal layout',
    icon: DashboardCustomizeOutlined,
    section: 'Administration',
    isVisible: canEditLayout,
    loader: () => import('./layout-page.js').then((m) => <m.LayoutPage />),
  },
});

/**
 * The portal layout editor: enable, disable, order and configure pages, nav items, entity
 * tabs and cards (per entity kind), with a live preview; saving updates every open app.
 *
 * @example
 * createApp({ features: [appPlugin, appLayoutWebPlugin, catalogWebPlugin] });
 */
export const appLayoutWebPlugin: WebPlugin = defineWebPlugin({
  id: 'app-layout',
  title: 'Portal layout',
  extensions: [appLayoutApiExtension, appLayoutPage],
});
