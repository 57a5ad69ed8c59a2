import type { ExtensionDefinition } from './define-extension.js';

/** A frontend feature: a bag of extensions under one plugin id. */
export interface WebPlugin {
  readonly $$type: '@atrium/WebPlugin';
  /** Also the default namespace of its extension ids, e.g. `catalog` → `page:catalog`. */
  readonly id: string;
  /** A human name, e.g. for the home page's list of plugins. */
  readonly title?: string;
  readonly extensions: readonly ExtensionDefinition[];
}

/** Options of {@link defineWebPlugin}. */
export interface DefineWebPluginOptions {
  id: string;
  title?: string;
  extensions: readonly ExtensionDefinition[];
}

/**
 * Declares a frontend plugin. Its extensions attach to inputs of the app or of other
 * plugins; the app lists the plugin in `createApp({ features })`.
 *
 * @example
 * export const catalogPlugin = defineWebPlugin({ id: 'catalog', extensions: [catalogPage, catalogNavItem] });
 */
export function defineWebPlugin(options: DefineWebPluginOptions): WebPlugin {
  return {
    $$type: '@atrium/WebPlugin',
    id: options.id,
    title: options.title,
    extensions: options.extensions,
  };
}
