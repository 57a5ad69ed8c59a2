// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { z } from 'zod';
import { coreExtensionData } from '../extensions/core-extension-data.js';
import { defineExtension } from '../extensions/define-extension.js';
import { defineWebPlugin } from '../extensions/define-web-plugin.js';
import { defineExtensionInput } from '../extensions/extension-input.js';
import { createApp } from './create-app.js';

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

const listOutput = { label: coreExtensionData.routePath };

/** A parent with a `items` input that records its children's labels in order. */
function listParent(seen: string[][]) {
  return defineExtension({
    kind: 'list',
    attachTo: { id: 'app/layout', input: 'nav' },
    inputs: { items: defineExtensionInput({ label: coreExtensionData.routePath }) },
    output: { navItem: coreExtensionData.navItem },
    factory: ({ inputs }) => {
      seen.push(inputs.items.map((item) => item.output.label));
      return { navItem: { title: 'list', to: '/list' } };
    },
  });
}

const item = (name: string, options: { disabled?: boolean; config?: z.ZodType<{ label?: string }> } = {}) =>
  defineExtension({
    kind: 'item',
    name,
    attachTo: { id: 'list:test', input: 'items' },
    disabled: options.disabled,
    output: listOutput,
    config: options.config ?? z.object({ label: z.string().optional() }),
    factory: ({ config }) => ({ label: config.label ?? name }),
  });

const build = (
  extensions: Parameters<typeof defineWebPlugin>[0]['extensions'],
  extensionsConfig?: unknown,
) => {
  const seen: string[][] = [];
  const app = createApp({
    features: [defineWebPlugin({ id: 'test', extensions: [listParent(seen), ...extensions] })],
    config: extensionsConfig === undefined ? {} : { app: { extensions: extensionsConfig } },
  });
  return { app, seen: seen.at(-1) ?? [] };
};

describe('extension tree', () => {
  it('resolves ids from kind, plugin id and name, and attaches children to inputs in declaration order', () => {
    const { app, seen } = build([item('a'), item('b'), item('c')]);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(app.diagnostics).toEqual([]);
    expect(app.tree.nodes.get('item:test/a')?.attachTo).toEqual({ id: 'list:test', input: 'items' });
    expect(app.tree.nodes.get('list:test')?.status).toBe('ready');
  });

  it('orders siblings by their app.extensions entries, unlisted ones after', () => {
    const { seen } = build([item('a'), item('b'), item('c')], ['item:test/c', { 'item:test/a': true }]);
    expect(seen).toEqual(['c', 'a', 'b']);
  });

  it('disables and enables extensions through app.extensions', () => {
    const { seen } = build(
      [item('a'), item('b'), item('c', { disabled: true })],
      [{ 'item:test/a': false }, 'item:test/c'],
    );
    expect(seen).toEqual(['c', 'b']);
  });

  it('passes config validated and defaulted by the extension schema', () => {
    const { seen } = build([item('a')], [{ 'item:test/a': { config: { label: 'Alpha' } } }]);
    expect(seen).toEqual(['Alpha']);
  });

  it('leaves out an extension with invalid config and says which and why', () => {
    const { app, seen } = build([item('a'), item('b')], [{ 'item:test/a': { config: { label: 42 } } }]);
    expect(seen).toEqual(['b']);
    expect(app.diagnostics).toEqual([
      expect.objectContaining({ code: 'WEB_EXTENSION_INVALID_CONFIG', extensionId: 'item:test/a' }),
    ]);
    const logged = String(consoleError.mock.calls[0]?.[0]);
    expect(logged).toContain("extension 'item:test/a' has invalid config");
    expect(logged).toContain('label');
    expect(logged).toContain('[WEB_EXTENSION_INVALID_CONFIG]');
  });

  it('re-attaches an extension through app.extensions', () => {
    const other = defineExtension({
      kind: 'list',
      name: 'other',
      attachTo: { id: 'app/layout', input: 'nav' },
      inputs: { items: defineExtensionInput(listOutput) },
      output: { navItem: coreExtensionData.navItem },
      factory: ({ inputs }) => ({
        navItem: { title: inputs.items.map((i) => i.output.label).join(','), to: '/' },
      }),
    });
    const { app, seen } = build(
      [item('a'), item('b'), other],
      [{ 'item:test/b': { attachTo: { id: 'list:test/other', input: 'items' } } }],
    );
    expect(seen).toEqual(['a']);
    const nav = app.tree.nodes.get('list:test/other')?.outputs?.get(coreExtensionData.navItem.id);
    expect(nav).toEqual({ title: 'b', to: '/' });
  });

  it('reports a missing parent, an unknown input and a duplicate id, and builds the rest', () => {
    const orphan = defineExtension({
      ...{ kind: 'item', name: 'orphan' },
      attachTo: { id: 'page:nowhere', input: 'x' },
      output: listOutput,
      factory: () => ({ label: 'orphan' }),
    });
    const misplaced = defineExtension({
      kind: 'item',
      name: 'misplaced',
      attachTo: { id: 'list:test', input: 'itemz' },
      output: listOutput,
      factory: () => ({ label: 'misplaced' }),
    });
    const duplicate = defineWebPlugin({
      id: 'other',
      extensions: [
        defineExtension({
          id: 'item:test/a',
          attachTo: { id: 'list:test', input: 'items' },
          output: listOutput,
          factory: () => ({ label: 'dup' }),
        }),
      ],
    });
    const seen: string[][] = [];
    const app = createApp({
      features: [
        defineWebPlugin({ id: 'test', extensions: [listParent(seen), item('a'), orphan, misplaced] }),
        duplicate,
      ],
    });
    expect(seen.at(-1)).toEqual(['a']);
    const byCode = Object.fromEntries(app.diagnostics.map((d) => [d.code, d]));
    expect(byCode.WEB_EXTENSION_MISSING_PARENT?.message).toContain(
      "no extension 'page:nowhere' is installed",
    );
    expect(byCode.WEB_EXTENSION_UNKNOWN_INPUT?.message).toContain(
      "input 'itemz' of 'list:test', which has only the inputs 'items'",
    );
    expect(byCode.WEB_EXTENSION_DUPLICATE_ID?.message).toContain(
      "declared by plugin 'test' and again by plugin 'other'",
    );
    expect(consoleError).toHaveBeenCalledTimes(3);
  });

  it('reports config for an unknown extension id', () => {
    const { app } = build([item('a')], [{ 'item:test/typo': false }]);
    expect(app.diagnostics[0]?.code).toBe('WEB_APP_CONFIG_UNKNOWN_EXTENSION');
    expect(app.diagnostics[0]?.message).toContain("'item:test/typo'");
  });

  it('checks that children output what the input needs', () => {
    const wrongData = defineExtension({
      kind: 'item',
      name: 'wrong',
      attachTo: { id: 'list:test', input: 'items' },
      output: { element: coreExtensionData.reactElement },
      factory: () => ({ element: <span /> }),
    });
    const { app, seen } = build([wrongData, item('a')]);
    expect(seen).toEqual(['a']);
    expect(app.diagnostics[0]?.code).toBe('WEB_EXTENSION_INPUT_DATA_MISSING');
    expect(app.diagnostics[0]?.message).toContain("needs data 'core.routing.path'");
  });

  it('reports a throwing factory and a missing required output without losing siblings', () => {
    const throwing = defineExtension({
      kind: 'item',
      name: 'throws',
      attachTo: { id: 'list:test', input: 'items' },
      output: listOutput,
      factory: () => {
        throw new Error('kaput');
      },
    });
    const empty = defineExtension({
      kind: 'item',
      name: 'empty',
      attachTo: { id: 'list:test', input: 'items' },
      output: listOutput,
      factory: () => ({}) as { label: string },
    });
    const { app, seen } = build([throwing, empty, item('a')]);
    expect(seen).toEqual(['a']);
    expect(app.diagnostics.map((d) => [d.code, d.extensionId])).toEqual([
      ['WEB_EXTENSION_FACTORY_FAILED', 'item:test/throws'],
      ['WEB_EXTENSION_OUTPUT_MISSING', 'item:test/empty'],
    ]);
  });

  it('keeps the first child of a singleton input and reports the rest', () => {
    const second = defineExtension({
      id: 'layout:second',
      attachTo: { id: 'app/root', input: 'layout' },
      output: { element: coreExtensionData.reactElement },
      factory: () => ({ element: <p /> }),
    });
    const app = createApp({ features: [defineWebPlugin({ id: 'x', extensions: [second] })] });
    expect(app.diagnostics[0]).toMatchObject({
      code: 'WEB_EXTENSION_SINGLETON_CONFLICT',
      extensionId: 'layout:second',
    });
    expect(app.tree.root?.status).toBe('ready');
  });

  it('reports an attachment cycle made in config', () => {
    const { app } = build(
      [
        item('a'),
        defineExtension({
          kind: 'loop',
          attachTo: { id: 'item:test/a', input: 'x' },
          inputs: { x: defineExtensionInput(listOutput) },
          output: listOutput,
          factory: () => ({ label: 'loop' }),
        }),
      ],
      [{ 'loop:test': { attachTo: { id: 'loop:test', input: 'x' } } }],
    );
    expect(app.diagnostics.map((d) => d.code)).toContain('WEB_EXTENSION_ATTACHMENT_CYCLE');
  });

  it('lets a feature replace a built-in extension by id', () => {
    const layout = defineExtension({
      id: 'app/layout',
      attachTo: { id: 'app/root', input: 'layout' },
      output: { element: coreExtensionData.reactElement },
      factory: () => ({ element: <main>custom</main> }),
    });
    const app = createApp({ features: [defineWebPlugin({ id: 'app', extensions: [layout] })] });
    expect(app.diagnostics).toEqual([]);
    expect(app.tree.nodes.get('app/layout')?.pluginId).toBe('app');
  });
});
