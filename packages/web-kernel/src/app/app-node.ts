import type { ExtensionAttachment, ExtensionDefinition } from '../extensions/define-extension.js';

/** An extension placed in the app: where it attaches after config, its config and, once built, its outputs. */
export interface AppNode {
  readonly id: string;
  /** The plugin that declared it; undefined for the kernel's built-ins. */
  readonly pluginId: string | undefined;
  readonly definition: ExtensionDefinition;
  attachTo: ExtensionAttachment | undefined;
  isEnabled: boolean;
  /** Declaration order across all features, the tie-breaker for sibling order. */
  readonly declarationIndex: number;
  /** Position of the extension's `app.extensions` entry, which orders it before unlisted siblings. */
  configIndex: number | undefined;
  rawConfig: unknown;
  /** Config after schema validation and defaults. */
  config: unknown;
  /** Enabled children by input name, in order. */
  readonly children: Map<string, AppNode[]>;
  status: 'pending' | 'building' | 'ready' | 'failed';
  /** Output values by data ref id, once built. */
  outputs: Map<string, unknown> | undefined;
}

/** The whole app: every declared extension by id, and the root `app`. */
export interface AppTree {
  readonly root: AppNode | undefined;
  readonly nodes: ReadonlyMap<string, AppNode>;
}
