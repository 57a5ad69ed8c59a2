import type { ExtensionDefinition } from '../extensions/define-extension.js';
import type { WebPlugin } from '../extensions/define-web-plugin.js';
import type { ExtensionConfigEntry } from './app-extensions-config.js';
import type { AppNode, AppTree } from './app-node.js';
import type { DiagnosticsCollector } from './diagnostics.js';
import { resolveExtensionId } from './resolve-extension-id.js';

/** What {@link buildAppTree} works from. */
export interface BuildAppTreeOptions {
  /** The kernel's own extensions; a feature's extension with the same id replaces one. */
  builtins: readonly ExtensionDefinition[];
  features: readonly WebPlugin[];
  extensionsConfig: ReadonlyMap<string, ExtensionConfigEntry>;
  diagnostics: DiagnosticsCollector;
}

const quote = (values: Iterable<string>) => [...values].map((v) => `'${v}'`).join(', ');

function createNode(
  definition: ExtensionDefinition,
  id: string,
  pluginId: string | undefined,
  index: number,
): AppNode {
  return {
    id,
    pluginId,
    definition,
    attachTo: definition.attachTo,
    isEnabled: !definition.disabled,
    declarationIndex: index,
    configIndex: undefined,
    rawConfig: undefined,
    config: undefined,
    children: new Map(),
    status: 'pending',
    outputs: undefined,
  };
}

function collectNodes(options: BuildAppTreeOptions): Map<string, AppNode> {
  const { diagnostics } = options;
  const nodes = new Map<string, AppNode>();
  let index = 0;
  for (const definition of options.builtins) {
    const id = resolveExtensionId(definition, undefined) ?? `builtin-${index}`;
    nodes.set(id, createNode(definition, id, undefined, index++));
  }
  for (const plugin of options.features) {
    for (const definition of plugin.extensions) {
      const id = resolveExtensionId(definition, plugin.id);
      if (!id) {
        diagnostics.report(
          'WEB_EXTENSION_INVALID_ID',
          undefined,
          `plugin '${plugin.id}' declares an extension without an id or kind; give it a 'kind' (and 'name') or an explicit 'id'.`,
        );
        continue;
      }
      const existing = nodes.get(id);
      if (existing && existing.pluginId !== undefined) {
        diagnostics.report(
          'WEB_EXTENSION_DUPLICATE_ID',
          id,
          `extension '${id}' is declared by plugin '${existing.pluginId}' and again by plugin '${plugin.id}'; ids must be unique. ` +
            `The one from '${existing.pluginId}' is kept. Give the other a different 'name', or leave one plugin out of the app.`,
        );
        continue;
      }
      // Replacing a built-in (e.g. 'app/layout') is how an app customises the kernel's defaults.
      nodes.set(id, createNode(definition, id, plugin.id, existing?.declarationIndex ?? index++));
    }
  }
  return nodes;
}

function applyConfig(nodes: Map<string, AppNode>, options: BuildAppTreeOptions) {
  for (const entry of options.extensionsConfig.values()) {
    const node = nodes.get(entry.id);
    if (!node) {
      options.diagnostics.report(
        'WEB_APP_CONFIG_UNKNOWN_EXTENSION',
        entry.id,
        `app.extensions[${entry.index}] names extension '${entry.id}', but no installed plugin declares it. ` +
          `Check the id for typos or add the plugin that provides it; installed ids include ${quote([...nodes.keys()].slice(0, 12))}.`,
      );
      continue;
    }
    node.configIndex = entry.index;
    if (entry.disabled !== undefined) node.isEnabled = !entry.disabled;
    if (entry.attachTo) node.attachTo = entry.attachTo;
    if (entry.config !== undefined) node.rawConfig = entry.config;
  }
}

function validateConfig(node: AppNode, diagnostics: DiagnosticsCollector) {
  const schema = node.definition.configSchema;
  if (!schema) {
    if (node.rawConfig !== undefined) {
      diagnostics.report(
        'WEB_EXTENSION_INVALID_CONFIG',
        node.id,
        `extension '${node.id}' takes no config, but app.extensions gives it some; remove 'config' from its entry. The config was ignored.`,
      );
    }
    node.config = {};
    return;
  }
  const result = schema.safeParse(node.rawConfig ?? {});
  if (result.success) {
    node.config = result.data;
    return;
  }
  const issues = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`,
  );
  node.status = 'failed';
  diagnostics.report(
    'WEB_EXTENSION_INVALID_CONFIG',
    node.id,
    `extension '${node.id}' has invalid config in app.extensions (${issues.join('; ')}). ` +
      `Fix the 'config' of its entry to match the extension's schema; the extension is left out until then.`,
  );
}

function attach(node: AppNode, nodes: Map<string, AppNode>, diagnostics: DiagnosticsCollector) {
  const attachTo = node.attachTo;
  if (!attachTo) return;
  const parent = nodes.get(attachTo.id);
  if (!parent) {
    diagnostics.report(
      'WEB_EXTENSION_MISSING_PARENT',
      node.id,
      `extension '${node.id}' attaches to '${attachTo.id}' (input '${attachTo.input}'), but no extension '${attachTo.id}' is installed. ` +
        `Add the plugin that provides '${attachTo.id}', point 'attachTo' elsewhere in app.extensions, or disable '${node.id}'.`,
    );
    return;
  }
  // A disabled parent takes its children with it; that is a choice, not an error.
  if (!parent.isEnabled) return;
  if (!(attachTo.input in parent.definition.inputs)) {
    const inputs = Object.keys(parent.definition.inputs);
    diagnostics.report(
      'WEB_EXTENSION_UNKNOWN_INPUT',
      node.id,
      `extension '${node.id}' attaches to input '${attachTo.input}' of '${parent.id}', which has ` +
        `${inputs.length > 0 ? `only the inputs ${quote(inputs)}` : 'no inputs'}. Use one of those in 'attachTo'.`,
    );
    return;
  }
  const siblings = parent.children.get(attachTo.input) ?? [];
  siblings.push(node);
  parent.children.set(attachTo.input, siblings);
}

/** Entries listed in app.extensions come first, in listed order; the rest keep declaration order. */
function compareSiblings(a: AppNode, b: AppNode): number {
  const byConfig = (a.configIndex ?? Number.POSITIVE_INFINITY) - (b.configIndex ?? Number.POSITIVE_INFINITY);
  if (byConfig !== 0 && !Number.isNaN(byConfig)) return byConfig;
  return a.declarationIndex - b.declarationIndex;
}

/**
 * Builds the extension tree: resolves ids, applies `app.extensions` (enable, disable,
 * re-attach, config, order), validates config and attaches children to parent inputs.
 * Every problem is reported and the rest of the tree is still built.
 *
 * @example
 * const tree = buildAppTree({ builtins, features: [catalogPlugin], extensionsConfig, diagnostics });
 */
export function buildAppTree(options: BuildAppTreeOptions): AppTree {
  const nodes = collectNodes(options);
  applyConfig(nodes, options);
  const enabled = [...nodes.values()].filter((node) => node.isEnabled);
  for (const node of enabled) validateConfig(node, options.diagnostics);
  for (const node of enabled) if (node.status !== 'failed') attach(node, nodes, options.diagnostics);
  for (const node of nodes.values())
    for (const siblings of node.children.values()) siblings.sort(compareSiblings);
  return { root: nodes.get('app'), nodes };
}
