import type { ComponentType, ReactElement, ReactNode } from 'react';
import type { AnyApiFactory } from '../apis/api-ref.js';
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
  /** Renders its children only when the item is for the signed-in user (the page's API still refuses others). */
  guard?: ComponentType<{ children: ReactNode }>;
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
