import type { ComponentType, ReactElement } from 'react';
import type { AnyApiFactory } from '../apis/api-ref.js';
import type { ApiRegistry } from '../apis/api-registry.js';
import type { AppTheme } from '../apis/app-theme-api.js';
import { defineExtensionDataRef } from './extension-data-ref.js';

/** An icon component, e.g. `@mui/icons-material/Search`. */
export type IconComponent = ComponentType<{ fontSize?: 'small' | 'medium' | 'inherit' }>;

/** An entry of the app's left navigation. */
export interface NavItem {
  title: string;
  /** An app path such as `/catalog`. */
  to: string;
  icon?: IconComponent;
  /** A heading the entry is listed under (e.g. `Administration`); entries without one come first. */
  section?: string;
  /**
   * Whether to show the entry to the signed-in user, e.g. whether they hold the permission
   * the page needs (its API refuses them anyway). Hidden until it resolves `true`; a
   * rejection hides it.
   */
  isVisible?: (apis: ApiRegistry) => Promise<boolean>;
}

/** The data kinds every Atrium app understands. */
export const coreExtensionData = {
  /** Something to render; the kernel wraps each in an error boundary named after the extension. */
  reactElement: defineExtensionDataRef<ReactElement>('core.reactElement'),
  /** A route path such as `/catalog`; pages also match nested paths below it. */
  routePath: defineExtensionDataRef<string>('core.routing.path'),
  navItem: defineExtensionDataRef<NavItem>('core.navItem'),
  apiFactory: defineExtensionDataRef<AnyApiFactory>('core.apiFactory'),
  theme: defineExtensionDataRef<AppTheme>('core.theme'),
};
