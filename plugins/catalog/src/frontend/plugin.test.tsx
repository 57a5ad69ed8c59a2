// @vitest-environment happy-dom
import { createApp } from '@atrium/web-kernel';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogWebPlugin } from './plugin.js';
import { createFakeCatalogServer } from './test-utils/fake-catalog-server.js';

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
    vi.stubGlobal('fetch', createFakeCatalogServer([]).fetch);
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
});
