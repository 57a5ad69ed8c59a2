import type { ComponentType, ReactNode } from 'react';
import { z } from 'zod';
import { coreExtensionData, type IconComponent } from '../extensions/core-extension-data.js';
import { defineBlueprint } from '../extensions/define-blueprint.js';
import { type ElementLoader, lazyElement } from '../extensions/lazy-element.js';

/** Parameters of {@link PageBlueprint}. */
export interface PageParams {
  /** Route path, e.g. `/catalog`; nested paths below it reach the page too. */
  path: string;
  /** Loads the page's component on first visit, so each page is its own chunk. */
  loader: ElementLoader;
  /** With a title the page also appears in the left navigation. */
  title?: string;
  icon?: IconComponent;
  /** Shows the nav item only when it renders its children, e.g. after asking the API whether the user may use the page. */
  navGuard?: ComponentType<{ children: ReactNode }>;
}

/**
 * A routed page attached to `app/layout`'s `routes`. Config: `path`, `title` (set the
 * title to show it in the navigation).
 *
 * @example
 * PageBlueprint.make({
 *   params: { path: '/catalog', title: 'Catalog', loader: () => import('./catalog-page.js').then((m) => <m.CatalogPage />) },
 * });
 */
export const PageBlueprint = defineBlueprint({
  kind: 'page',
  attachTo: { id: 'app/layout', input: 'routes' },
  output: {
    path: coreExtensionData.routePath,
    element: coreExtensionData.reactElement,
    navItem: coreExtensionData.navItem.optional(),
  },
  config: z.object({
    path: z.string().startsWith('/', 'a page path starts with "/"').optional(),
    title: z.string().min(1).optional(),
  }),
  factory: (params: PageParams, { config }) => {
    const path = config.path ?? params.path;
    const title = config.title ?? params.title;
    return {
      path,
      element: lazyElement(params.loader),
      navItem: title ? { title, to: path, icon: params.icon, guard: params.navGuard } : undefined,
    };
  },
});
