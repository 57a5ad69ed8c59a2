import type { ExtensionDefinition } from '../extensions/define-extension.js';

/**
 * The id of an extension: its explicit `id`, else `<kind>:<namespace>[/<name>]` with the
 * namespace defaulting to the plugin id; undefined when neither can be formed.
 *
 * @example
 * resolveExtensionId(PageBlueprint.make({ name: 'entity', params }), 'catalog'); // 'page:catalog/entity'
 */
export function resolveExtensionId(
  definition: ExtensionDefinition,
  pluginId: string | undefined,
): string | undefined {
  if (definition.id) return definition.id;
  const namespace = definition.namespace ?? pluginId;
  if (!definition.kind || !namespace) return undefined;
  return `${definition.kind}:${namespace}${definition.name ? `/${definition.name}` : ''}`;
}
