// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app/create-app.js';
import { coreExtensionData } from '../extensions/core-extension-data.js';
import { defineWebPlugin } from '../extensions/define-web-plugin.js';
import { lazyElement } from '../extensions/lazy-element.js';
import { NavItemBlueprint } from './nav-item-blueprint.js';
import { PageBlueprint } from './page-blueprint.js';

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
