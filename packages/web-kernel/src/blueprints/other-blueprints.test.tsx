// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { type ReactElement, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app/create-app.js';
import { coreExtensionData } from '../extensions/core-extension-data.js';
import { defineExtension } from '../extensions/define-extension.js';
import { defineWebPlugin } from '../extensions/define-web-plugin.js';
import { lazyElement } from '../extensions/lazy-element.js';
import { FormFieldBlueprint, formFieldsInput } from './form-field-blueprint.js';
import { NavItemBlueprint } from './nav-item-blueprint.js';
import { PageBlueprint } from './page-blueprint.js';
import {
  SearchResultRendererBlueprint,
  searchResultRenderersInput,
} from './search-result-renderer-blueprint.js';

afterEach(cleanup);

const nodeOutput = (app: ReturnType<typeof createApp>, id: string, dataId: string) =>
  app.tree.nodes.get(id)?.outputs?.get(dataId);

describe('PageBlueprint and NavItemBlueprint', () => {
  it('make page and nav item extensions with configurable path and title', () => {
    const app = createApp({
      features: [
        defineWebPlugin({
          id: 'docs',
          extensions: [
            PageBlueprint.make({ params: { path: '/docs', title: 'Docs', loader: async () => <p /> } }),
            PageBlueprint.make({
              name: 'reader',
              params: { path: '/docs/:name', loader: async () => <p /> },
            }),
            NavItemBlueprint.make({ params: { title: 'Documentation', to: '/docs' } }),
          ],
        }),
      ],
      config: {
        app: {
          extensions: [
            { 'page:docs': { config: { path: '/documentation' } } },
            { 'nav-item:docs': { config: { title: 'Read' } } },
          ],
        },
      },
    });
    expect(app.diagnostics).toEqual([]);
    expect(nodeOutput(app, 'page:docs', coreExtensionData.routePath.id)).toBe('/documentation');
    expect(nodeOutput(app, 'page:docs', coreExtensionData.navItem.id)).toEqual({
      title: 'Docs',
      to: '/documentation',
      icon: undefined,
    });
    expect(nodeOutput(app, 'page:docs/reader', coreExtensionData.navItem.id)).toBeUndefined();
    expect(nodeOutput(app, 'nav-item:docs', coreExtensionData.navItem.id)).toEqual({
      title: 'Read',
      to: '/docs',
    });
  });

  it('rejects a page path that does not start with a slash', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = createApp({
      features: [
        defineWebPlugin({
          id: 'docs',
          extensions: [PageBlueprint.make({ params: { path: '/docs', loader: async () => <p /> } })],
        }),
      ],
      config: { app: { extensions: [{ 'page:docs': { config: { path: 'docs' } } }] } },
    });
    expect(app.diagnostics[0]?.message).toContain('a page path starts with "/"');
    vi.restoreAllMocks();
  });
});

describe('SearchResultRendererBlueprint and FormFieldBlueprint', () => {
  it('give the search and template pages lazily loaded components through their inputs', async () => {
    const seen: { renderers: number; fields: string[] } = { renderers: 0, fields: [] };
    const searchPage = defineExtension({
      kind: 'page',
      namespace: 'search',
      attachTo: { id: 'app/layout', input: 'routes' },
      inputs: { resultRenderers: searchResultRenderersInput },
      output: { path: coreExtensionData.routePath, element: coreExtensionData.reactElement },
      factory: ({ inputs }) => {
        const result = { type: 'software-catalog', document: { title: 'petstore', location: '/catalog/x' } };
        const renderer = inputs.resultRenderers.find((r) => r.output.renderer.predicate(result))?.output
          .renderer;
        seen.renderers = inputs.resultRenderers.length;
        const Renderer = renderer?.component;
        return { path: '/search', element: <Suspense>{Renderer && <Renderer result={result} />}</Suspense> };
      },
    });
    const scaffolderPage = defineExtension({
      kind: 'page',
      namespace: 'scaffolder',
      attachTo: { id: 'app/layout', input: 'routes' },
      inputs: { formFields: formFieldsInput },
      output: { path: coreExtensionData.routePath, element: coreExtensionData.reactElement },
      factory: ({ inputs }) => {
        seen.fields = inputs.formFields.map((f) => f.output.field.name);
        return { path: '/create', element: <p /> };
      },
    });
    const app = createApp({
      features: [
        defineWebPlugin({ id: 'search', extensions: [searchPage] }),
        defineWebPlugin({ id: 'scaffolder', extensions: [scaffolderPage] }),
        defineWebPlugin({
          id: 'catalog',
          extensions: [
            SearchResultRendererBlueprint.make({
              params: {
                type: 'software-catalog',
                loader:
                  async () =>
                  ({ result }) => <p>{`entity ${result.document.title}`}</p>,
              },
            }),
            SearchResultRendererBlueprint.make({
              name: 'docs',
              params: { type: 'techdocs', loader: async () => () => <p>docs</p> },
            }),
            FormFieldBlueprint.make({
              name: 'entity-picker',
              params: { name: 'EntityPicker', loader: async () => () => <input /> },
            }),
          ],
        }),
      ],
      initialEntries: ['/search'],
    });
    render(app.createRoot());
    expect(await screen.findByText('entity petstore')).toBeTruthy();
    expect(seen).toEqual({ renderers: 2, fields: ['EntityPicker'] });
  });
});

describe('lazyElement', () => {
  it('loads again after a failed load instead of repeating the failure', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const loader = vi.fn<() => Promise<ReactElement>>().mockRejectedValue(new Error('chunk failed'));
    const page = defineWebPlugin({
      id: 'flaky',
      extensions: [PageBlueprint.make({ params: { path: '/', loader } })],
    });
    render(createApp({ features: [page], initialEntries: ['/'] }).createRoot());
    expect((await screen.findByRole('alert')).textContent).toContain("Extension 'page:flaky' failed");
    loader.mockResolvedValue(<p>loaded</p>);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('loaded')).toBeTruthy();
    vi.restoreAllMocks();
  });

  it('renders the loaded element', async () => {
    render(lazyElement(async () => <p>hello</p>));
    expect(await screen.findByText('hello')).toBeTruthy();
  });
});
