import { coreExtensionData } from '../extensions/core-extension-data.js';
import type { AnyExtensionInput } from '../extensions/extension-input.js';
import type { AppNode, AppTree } from './app-node.js';
import type { DiagnosticsCollector } from './diagnostics.js';
import { ExtensionBoundary } from './extension-boundary.js';

type InputItem = { id: string; output: Record<string, unknown> };

function toInputItem(
  child: AppNode,
  parent: AppNode,
  inputName: string,
  input: AnyExtensionInput,
  diagnostics: DiagnosticsCollector,
): InputItem | undefined {
  const output: Record<string, unknown> = {};
  for (const [key, ref] of Object.entries(input.data)) {
    if (child.outputs?.has(ref.id)) output[key] = child.outputs.get(ref.id);
    else if (!ref.isOptional) {
      diagnostics.report(
        'WEB_EXTENSION_INPUT_DATA_MISSING',
        child.id,
        `extension '${child.id}' attaches to input '${inputName}' of '${parent.id}', which needs data '${ref.id}' ` +
          `that '${child.id}' does not output. Attach it to an input that fits its outputs, or use the blueprint made for that input.`,
      );
      return undefined;
    }
  }
  return { id: child.id, output };
}

function resolveInput(
  node: AppNode,
  inputName: string,
  input: AnyExtensionInput,
  build: (node: AppNode) => boolean,
  diagnostics: DiagnosticsCollector,
): { ok: true; value: unknown } | { ok: false } {
  const items: InputItem[] = [];
  for (const child of node.children.get(inputName) ?? []) {
    if (!build(child)) continue;
    const item = toInputItem(child, node, inputName, input, diagnostics);
    if (item) items.push(item);
  }
  if (!input.isSingleton) return { ok: true, value: items };
  if (items.length > 1) {
    diagnostics.report(
      'WEB_EXTENSION_SINGLETON_CONFLICT',
      items[1]?.id,
      `input '${inputName}' of '${node.id}' takes one extension, but ${items.map((i) => `'${i.id}'`).join(', ')} attach to it. ` +
        `'${items[0]?.id}' is used; disable the others in app.extensions.`,
    );
  }
  if (items.length === 0 && !input.isOptional) {
    diagnostics.report(
      'WEB_EXTENSION_REQUIRED_INPUT_MISSING',
      node.id,
      `extension '${node.id}' needs one extension in its input '${inputName}', but none is attached and enabled. ` +
        `Install or enable an extension that attaches to { id: '${node.id}', input: '${inputName}' }.`,
    );
    return { ok: false };
  }
  return { ok: true, value: items[0] };
}

function collectOutputs(node: AppNode, result: Record<string, unknown>, diagnostics: DiagnosticsCollector) {
  const outputs = new Map<string, unknown>();
  for (const [key, ref] of Object.entries(node.definition.output)) {
    const value = result[key];
    if (value === undefined) {
      if (ref.isOptional) continue;
      diagnostics.report(
        'WEB_EXTENSION_OUTPUT_MISSING',
        node.id,
        `extension '${node.id}' declares output '${key}' (${ref.id}) but its factory did not return it; return it or mark the ref .optional().`,
      );
      return undefined;
    }
    // Every rendered extension gets its own boundary, so one failure never blanks the page.
    outputs.set(
      ref.id,
      ref.id === coreExtensionData.reactElement.id ? (
        <ExtensionBoundary id={node.id}>{value as never}</ExtensionBoundary>
      ) : (
        value
      ),
    );
  }
  return outputs;
}

function reportCycles(tree: AppTree, diagnostics: DiagnosticsCollector) {
  const reported = new Set<string>();
  for (const start of tree.nodes.values()) {
    if (!start.isEnabled || start.status !== 'pending' || reported.has(start.id)) continue;
    const path: string[] = [];
    let current: AppNode | undefined = start;
    while (current?.attachTo && !path.includes(current.id)) {
      path.push(current.id);
      current = tree.nodes.get(current.attachTo.id);
    }
    if (current && current.id === start.id) {
      for (const id of path) reported.add(id);
      diagnostics.report(
        'WEB_EXTENSION_ATTACHMENT_CYCLE',
        start.id,
        `extensions attach to each other in a cycle: ${[...path, start.id].map((id) => `'${id}'`).join(' -> ')}, ` +
          'so none of them is reachable from the app. Fix their attachTo in app.extensions.',
      );
    }
  }
}

/**
 * Runs the factories from the root down: children first, their outputs checked against
 * each input's needs, then the parent. A failing extension is reported and left out;
 * its parent renders without it.
 *
 * @example
 * instantiateAppTree(tree, diagnostics);
 */
export function instantiateAppTree(tree: AppTree, diagnostics: DiagnosticsCollector): void {
  const build = (node: AppNode): boolean => {
    if (node.status !== 'pending') return node.status === 'ready';
    node.status = 'building';
    const inputs: Record<string, unknown> = {};
    for (const [inputName, input] of Object.entries(node.definition.inputs)) {
      const resolved = resolveInput(node, inputName, input, build, diagnostics);
      if (!resolved.ok) {
        node.status = 'failed';
        return false;
      }
      inputs[inputName] = resolved.value;
    }
    let result: Record<string, unknown>;
    try {
      result = node.definition.factory({ id: node.id, config: node.config, inputs });
    } catch (error) {
      diagnostics.report(
        'WEB_EXTENSION_FACTORY_FAILED',
        node.id,
        `the factory of extension '${node.id}' threw: ${error instanceof Error ? error.message : String(error)}. The extension is left out.`,
        error,
      );
      node.status = 'failed';
      return false;
    }
    node.outputs = collectOutputs(node, result, diagnostics);
    node.status = node.outputs ? 'ready' : 'failed';
    return node.status === 'ready';
  };
  if (tree.root?.isEnabled) build(tree.root);
  reportCycles(tree, diagnostics);
}
