import { AppShell } from '@atrium/ui';
import { type ComponentType, Fragment, type ReactNode } from 'react';
import { configApiRef } from '../apis/config-api.js';
import { useApi } from '../apis/use-api.js';
import { coreExtensionData, type NavItem } from '../extensions/core-extension-data.js';
import { defineExtension, type ExtensionDefinition } from '../extensions/define-extension.js';
import { defineExtensionInput } from '../extensions/extension-input.js';
import { AppRoutes } from './app-routes.js';
import { useVisibleNavItems } from './use-visible-nav-items.js';

/** Props of an app layout component: the navigation entries and the routed page. */
export interface AppLayoutProps {
  /** Nav entries of titled pages (in route order), then of nav-item extensions; only those the user may see. */
  navItems: readonly NavItem[];
  /** Elements plugins add to the top bar (input `actions`, e.g. search's search box), in order. */
  actions?: readonly ReactNode[];
  children: ReactNode;
}

/** The inputs of `app/layout`: pages, nav items and an optional not-found page. */
export const appLayoutInputs = {
  routes: defineExtensionInput({
    path: coreExtensionData.routePath,
    element: coreExtensionData.reactElement,
    navItem: coreExtensionData.navItem.optional(),
  }),
  nav: defineExtensionInput({ navItem: coreExtensionData.navItem }),
  /** Top-bar elements from plugins (a search box, a notifications bell); the kernel knows none. */
  actions: defineExtensionInput({ element: coreExtensionData.reactElement }),
  notFoundPage: defineExtensionInput(
    { element: coreExtensionData.reactElement },
    { singleton: true, optional: true },
  ),
};

// Every layout gets only the entries the user may see, whoever wrote the layout.
function VisibleNavLayout(props: AppLayoutProps & { layout: ComponentType<AppLayoutProps> }) {
  const { layout: Layout, navItems, actions, children } = props;
  return (
    <Layout navItems={useVisibleNavItems(navItems)} actions={actions}>
      {children}
    </Layout>
  );
}

/**
 * Declares the `app/layout` extension around a layout component; an app adds it to its
 * features to replace the kernel's plain layout while keeping the same inputs.
 *
 * @example
 * defineAppLayout({ component: ({ navItems, children }) => <AppShell title="Portal" navItems={navItems}>{children}</AppShell> });
 */
export function defineAppLayout(options: { component: ComponentType<AppLayoutProps> }): ExtensionDefinition {
  const Layout = options.component;
  return defineExtension({
    id: 'app/layout',
    attachTo: { id: 'app/root', input: 'layout' },
    inputs: appLayoutInputs,
    output: { element: coreExtensionData.reactElement },
    factory: ({ inputs }) => {
      const navItems = [
        ...inputs.routes.flatMap((route) => (route.output.navItem ? [route.output.navItem] : [])),
        ...inputs.nav.map((item) => item.output.navItem),
      ];
      const routes = inputs.routes.map((route) => ({ id: route.id, ...route.output }));
      const actions = inputs.actions.map((action) => (
        <Fragment key={action.id}>{action.output.element}</Fragment>
      ));
      return {
        element: (
          <VisibleNavLayout layout={Layout} navItems={navItems} actions={actions}>
            <AppRoutes routes={routes} notFound={inputs.notFoundPage?.output.element} />
          </VisibleNavLayout>
        ),
      };
    },
  });
}

function DefaultAppLayout({ navItems, children }: AppLayoutProps) {
  const title = useApi(configApiRef).getOptionalString('app.title') ?? 'Atrium';
  return (
    <AppShell title={title} navItems={navItems}>
      {children}
    </AppShell>
  );
}

/** The kernel's own `app/layout`: the shared app shell with the configured title. */
export const defaultAppLayout: ExtensionDefinition = defineAppLayout({ component: DefaultAppLayout });
