// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogCode, renderCatalogApp } from '../test-utils/render-catalog.js';
import { sampleCatalog } from '../test-utils/sample-entities.js';
import { setUpCatalogServer } from '../test-utils/set-up-catalog-server.js';

// Chunks load before the first test, so no wait below includes loading code.
beforeAll(loadCatalogCode);

setUpCatalogServer(sampleCatalog());
beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('dependencies tab', () => {
  it('draws the neighbourhood as a graph whose nodes open entity pages', async () => {
    renderCatalogApp('/catalog/default/component/petstore-service/dependencies');
    const graph = await screen.findByRole('figure', { name: 'Relations of Petstore Service' });
    const api = await within(graph).findByRole('link', { name: 'API Petstore API' });
    expect(api.getAttribute('href')).toBe('/catalog/default/api/petstore-api');
    expect(within(graph).getByRole('link', { name: 'api · not in catalog gone-api' })).toBeTruthy();
    // Five relations of the root, plus three between neighbours: petstore-api, the pets
    // system and the pets-db resource are each owned by team-a.
    expect(graph.querySelectorAll('path[marker-end]').length).toBe(8);
    expect(within(graph).getByText('providesApi')).toBeTruthy();
    fireEvent.click(api);
    expect(await screen.findByRole('heading', { level: 1, name: 'Petstore API' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/catalog/default/api/petstore-api');
  });

  it('follows more hops, filters relation types and lists relations as text', async () => {
    renderCatalogApp('/catalog/default/component/petstore-service/dependencies');
    const graph = await screen.findByRole('figure', { name: 'Relations of Petstore Service' });
    await within(graph).findByRole('link', { name: 'Group Team A' });
    expect(within(graph).queryByRole('link', { name: 'User Ada Lovelace' })).toBeNull();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Depth' }));
    fireEvent.click(await screen.findByRole('option', { name: '2 hops' }));
    await waitFor(() => within(graph).getByRole('link', { name: 'User Ada Lovelace' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'memberOf' }));
    await waitFor(() => expect(within(graph).queryByRole('link', { name: 'User Ada Lovelace' })).toBeNull());
    const list = screen.getByText(/^Relations as a list/).closest('details') as HTMLElement;
    expect(list.textContent).toContain('ownedBy');
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(graph.querySelector('svg > g')?.getAttribute('transform')).toContain('scale(1.25)');
  });
});
