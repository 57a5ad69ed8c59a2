import { defineApiRef } from './api-ref.js';

/** A page of the running app. */
export interface AppPageInfo {
  extensionId: string;
  pluginId?: string;
  path: string;
  title?: string;
}

/** An extension of the running app and whether it was built. */
export interface AppNodeInfo {
  id: string;
  pluginId?: string;
  attachTo?: { id: string; input: string };
  isEnabled: boolean;
  isBuilt: boolean;
  /** The config it was built with (after defaults), when it takes config. */
  config?: unknown;
  /** JSON schema of its config, for forms (the layout editor); absent when it takes none. */
  configSchema?: Record<string, unknown>;
}

/** What the app is made of: its extensions and pages, e.g. for a home page or a debug view. */
export interface AppTreeApi {
  getNodes(): AppNodeInfo[];
  /** Built pages in route order. */
  getPages(): AppPageInfo[];
}

/** Ref of the app tree API. */
export const appTreeApiRef = defineApiRef<AppTreeApi>({ id: 'core.app-tree' });
