// @vitest-environment happy-dom
import {
  ApiBlueprint,
  createApp,
  defineApiFactory,
  defineWebPlugin,
  PageBlueprint,
  useApi,
} from '@atrium/web-kernel';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogWebPlugin } from './plugin.js';
import { type StarredEntitiesApi, starredEntitiesApiRef } from './starred/starred-entities-api.js';

function Starred() {
  return <p data-testid="starred">{useApi(starredEntitiesApiRef).getSnapshot().join(' ')}</p>;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('catalogWebPlugin', () => {
  it('declares the extension ids other plugins and app config rely on', () => {
    const app = createApp({ features: [catalogWebPlugin], initialEntries: ['/'] });
    expect(app.diagnostics).toEqual([]);
    const ids = [...app.tree.nodes.keys()].filter((id) => id.includes('catalog'));
    expect(ids).toEqual(
      expect.arrayContaining([
        'api:catalog',
        'api:catalog/starred-entities',
        'page:catalog',
        'page:catalog/entity',
        'page:catalog/import',
        'entity-tab:catalog/overview',
        'entity-tab:catalog/dependencies',
        'entity-tab:catalog/api-definition',
        'entity-tab:catalog/raw',
        'entity-card:catalog/about',
        'entity-card:catalog/owned-entities',
        'entity-card:catalog/members',
      ]),
    );
  });

  it('adds Catalog and Register to the navigation', async () => {
    // The page's chunk is compiled on first import; do that before the assertion's clock starts.
    await import('./import-page/import-page.js');
    render(
      createApp({
        features: [catalogWebPlugin],
        config: { backend: { baseUrl: 'http://backend.test' } },
        initialEntries: ['/catalog-import'],
      }).createRoot(),
    );
    expect(await screen.findByRole('heading', { name: 'Register an existing component' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect([...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Catalog', '/catalog'],
      ['Register', '/catalog-import'],
    ]);
  });

  describe('starred entities, an API of the app', () => {
    const probe = defineWebPlugin({
      id: 'probe',
      extensions: [PageBlueprint.make({ params: { path: '/probe', loader: async () => <Starred /> } })],
    });
    const renderProbe = (features = [catalogWebPlugin, probe], config = {}) =>
      render(createApp({ features, config, initialEntries: ['/probe'] }).createRoot());

    it('comes from localStorage for each app, keeping nothing between apps', async () => {
      localStorage.setItem('atrium.catalog.starred', JSON.stringify(['component:default/a']));
      renderProbe();
      expect((await screen.findByTestId('starred')).textContent).toBe('component:default/a');
      cleanup();
      localStorage.setItem('atrium.catalog.starred', JSON.stringify(['api:default/b']));
      renderProbe();
      expect((await screen.findByTestId('starred')).textContent).toBe('api:default/b');
      localStorage.clear();
    });

    it('can be replaced by another plugin once the built-in one is disabled', async () => {
      const kept: StarredEntitiesApi = {
        getSnapshot: () => ['group:default/kept-elsewhere'],
        subscribe: () => () => undefined,
        isStarred: () => false,
        toggle: () => undefined,
      };
      const elsewhere = defineWebPlugin({
        id: 'stars',
        extensions: [
          ApiBlueprint.make({
            params: defineApiFactory({ api: starredEntitiesApiRef, deps: {}, factory: () => kept }),
          }),
        ],
      });
      renderProbe([catalogWebPlugin, elsewhere, probe], {
        app: { extensions: [{ 'api:catalog/starred-entities': false }] },
      });
      expect((await screen.findByTestId('starred')).textContent).toBe('group:default/kept-elsewhere');
    });
  });
});
