// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogCode, renderCatalogApp } from '../test-utils/render-catalog.js';
import { makeEntity, sampleCatalog } from '../test-utils/sample-entities.js';
import { setUpCatalogServer } from '../test-utils/set-up-catalog-server.js';
import type { CatalogServer } from '../test-utils/start-catalog-server.js';

// Chunks load before the first test, so no wait below includes loading code.
beforeAll(loadCatalogCode);

// The real catalog behind the page; each describe sets up its own with its own entities.
let server: CatalogServer;
const serve = (entities: Parameters<typeof setUpCatalogServer>[0]) => {
  const handle = setUpCatalogServer(entities);
  beforeEach(() => {
    server = handle.server;
  });
};

const location = () => screen.getByTestId('location').textContent;
const table = () => screen.getByRole('table', { name: 'Catalog entities' });
const rowNames = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]?.querySelector('a')?.textContent);
const queries = () => server.requests.filter((r) => r.startsWith('GET /entities/by-query'));
const lastQuery = () => new URLSearchParams(queries().at(-1)?.split('?')[1]);

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('catalog index page', () => {
  serve(sampleCatalog());

  it('opens on Components with the choice shown in the Kind filter, and keeps "all kinds" in the URL', async () => {
    renderCatalogApp('/catalog');
    await waitFor(() => expect(rowNames()).toEqual(['Petstore Service', 'web-shop']));
    expect(lastQuery().getAll('filter')).toEqual(['kind=Component']);
    expect(screen.getByRole('heading', { name: 'Component entities' })).toBeTruthy();
    const kinds = screen.getByRole('group', { name: 'Kind' });
    const component = await within(kinds).findByRole('checkbox', { name: /^Component\s*, 2 entities$/ });
    expect((component as HTMLInputElement).checked).toBe(true);
    const all = within(kinds).getByRole('checkbox', { name: /^All kinds\s*, 10 entities$/ });
    expect((all as HTMLInputElement).checked).toBe(false);
    expect(location()).toBe('/catalog');

    fireEvent.click(all);
    await waitFor(() => expect(location()).toBe('/catalog?kind=all'));
    await waitFor(() => expect(rowNames()).toHaveLength(10));
    expect(lastQuery().getAll('filter')).toEqual([]);
    // The Kind group re-renders once its counts are in.
    const allNow = await within(screen.getByRole('group', { name: 'Kind' })).findByRole('checkbox', {
      name: /^All kinds/,
    });
    expect((allNow as HTMLInputElement).checked).toBe(true);
    cleanup();
    // A shared link opens every kind.
    renderCatalogApp('/catalog?kind=all');
    await waitFor(() => expect(rowNames()).toHaveLength(10));
  });

  it('shows the first page sorted by name, fetching only the table fields', async () => {
    renderCatalogApp('/catalog?kind=all');
    expect(await screen.findByRole('heading', { name: 'Catalog', level: 1 })).toBeTruthy();
    await waitFor(() => expect(rowNames()).toContain('Petstore Service'));
    expect(rowNames().slice(0, 3)).toEqual(['Ada Lovelace', 'engineering', 'events-api']);
    const params = lastQuery();
    expect(params.get('orderField')).toBe('metadata.name,asc');
    expect(params.get('limit')).toBe('20');
    expect(params.get('fields')).toContain('metadata.title');
    expect(screen.getByTestId('catalog-total').textContent).toBe('10 entities');
    const row = within(table()).getByRole('link', { name: 'Petstore Service' }).closest('tr') as HTMLElement;
    expect(within(row).getByRole('link', { name: 'Petstore Service' }).getAttribute('href')).toBe(
      '/catalog/default/component/petstore-service',
    );
    expect(row.textContent).toContain('production');
    expect(row.textContent).toContain('Sells pets online.');
  });

  it('shows owners by their title, with the ref on hover, fetched in one batch for the page', async () => {
    renderCatalogApp('/catalog');
    await waitFor(() => expect(rowNames()).toContain('Petstore Service'));
    const row = within(table()).getByRole('link', { name: 'Petstore Service' }).closest('tr') as HTMLElement;
    const owner = await within(row).findByRole('link', { name: 'Team A' });
    expect(owner.getAttribute('href')).toBe('/catalog/default/group/team-a');
    expect(owner.getAttribute('title')).toBe('group:default/team-a');
    // team-b is not in the catalog: its ref stays.
    const shop = within(table()).getByRole('link', { name: 'web-shop' }).closest('tr') as HTMLElement;
    expect(within(shop).getByRole('link', { name: 'team-b' }).getAttribute('title')).toBe(
      'group:default/team-b',
    );
    // The Owner filter names them the same way.
    const owners = screen.getByRole('group', { name: 'Owner' });
    await within(owners).findByRole('checkbox', { name: /^Team A\s*, \d+ entit/ });
    expect(server.requests.filter((r) => r === 'POST /entities/by-refs')).toHaveLength(1);
    expect(server.bodies).toContainEqual(
      expect.objectContaining({
        entityRefs: expect.arrayContaining(['group:default/team-a', 'group:default/team-b']),
      }),
    );
  });

  it('filters by facets with counts, keeps the filter in the URL and goes back', async () => {
    renderCatalogApp('/catalog?kind=all');
    const kinds = await screen.findByRole('group', { name: 'Kind' });
    const componentBox = await within(kinds).findByRole('checkbox', { name: /^Component\s*, 2 entities$/ });
    fireEvent.click(componentBox);
    // Components alone are the default view, which needs no parameter.
    await waitFor(() => expect(location()).toBe('/catalog'));
    await waitFor(() => expect(rowNames()).toEqual(['Petstore Service', 'web-shop']));
    expect(lastQuery().getAll('filter')).toEqual(['kind=Component']);
    // Other facets are counted within the selected kind.
    const lifecycle = screen.getByRole('group', { name: 'Lifecycle' });
    await within(lifecycle).findByRole('checkbox', { name: /^experimental\s*, 1 entity$/ });
    fireEvent.click(within(lifecycle).getByRole('checkbox', { name: /^production\s*, 1 entity$/ }));
    await waitFor(() => expect(rowNames()).toEqual(['Petstore Service']));
    expect(lastQuery().getAll('filter')).toEqual(['kind=Component,spec.lifecycle=production']);
    expect(location()).toBe('/catalog?lifecycle=production');

    fireEvent.click(screen.getByRole('button', { name: 'History back' }));
    await waitFor(() => expect(rowNames()).toEqual(['Petstore Service', 'web-shop']));
    expect(location()).toBe('/catalog');
  });

  it('filters by owner relation and tags, and restores every filter from a shared link', async () => {
    renderCatalogApp('/catalog?owner=group:default/team-a&tag=java');
    await waitFor(() => expect(rowNames()).toEqual(['Petstore Service']));
    expect(lastQuery().getAll('filter')).toEqual([
      'kind=Component,relations.ownedBy=group:default/team-a,metadata.tags=java',
    ]);
    const owner = screen.getByRole('group', { name: 'Owner' });
    // The facet counts load after the rows.
    const teamA = await within(owner).findByRole('checkbox', { name: /^Team A/ });
    expect((teamA as HTMLInputElement).checked).toBe(true);
  });

  it('searches once typing pauses, replacing the history entry', async () => {
    renderCatalogApp('/catalog?kind=all');
    await waitFor(() => expect(rowNames()).toHaveLength(10));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the catalog' }), {
      target: { value: 'pet' },
    });
    await waitFor(() => expect(location()).toBe('/catalog?kind=all&q=pet'));
    await waitFor(() => expect(rowNames()).toEqual(['pets', 'pets-db', 'Petstore API', 'Petstore Service']));
    const params = lastQuery();
    expect(params.get('fullTextFilterTerm')).toBe('pet');
    expect(params.get('fullTextFilterFields')).toBe('metadata.name,metadata.title,metadata.description');
  });

  it('stars entities, remembers them and filters to starred ones', async () => {
    renderCatalogApp('/catalog?kind=all');
    await waitFor(() => expect(rowNames()).toHaveLength(10));
    const star = screen.getByRole('button', { name: 'Star web-shop' });
    expect(star.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(star);
    expect(screen.getByRole('button', { name: 'Star web-shop' }).getAttribute('aria-pressed')).toBe('true');
    expect(JSON.parse(localStorage.getItem('atrium.catalog.starred') ?? '[]')).toEqual([
      'component:default/web-shop',
    ]);
    fireEvent.click(screen.getByRole('switch', { name: 'Starred only (1)' }));
    await waitFor(() => expect(rowNames()).toEqual(['web-shop']));
    expect(location()).toBe('/catalog?kind=all&starred=true');
    expect(lastQuery().getAll('filter')).toEqual([
      'kind=component,metadata.namespace=default,metadata.name=web-shop',
    ]);
  });

  it('shows progress while the server is slow, then the rows', async () => {
    const release = server.stall('GET /entities/by-query');
    renderCatalogApp('/catalog?kind=all');
    await waitFor(() => expect(table().getAttribute('aria-busy')).toBe('true'));
    expect(rowNames()).toEqual(Array(8).fill(undefined));
    release();
    await waitFor(() => expect(rowNames()).toHaveLength(10));
    expect(table().getAttribute('aria-busy')).toBe('false');
  });

  it("shows the server's error with Retry, which recovers", async () => {
    server.fail('GET /entities/by-query', {
      status: 400,
      name: 'InputError',
      message: 'Invalid filter: bad key',
    });
    renderCatalogApp('/catalog?kind=all');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Invalid filter: bad key');
    expect(alert.textContent).toContain('InputError · HTTP 400');
    server.heal('GET /entities/by-query');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rowNames()).toHaveLength(10));
  });

  it('shows an empty state for no matches, and clears the filters from it', async () => {
    renderCatalogApp('/catalog?q=no-such-thing');
    expect(await screen.findByText('No entities match these filters')).toBeTruthy();
    // Clearing every filter clears the kind too: all kinds.
    fireEvent.click(screen.getByRole('button', { name: 'Clear all filters' }));
    await waitFor(() => expect(rowNames()).toHaveLength(10));
    expect(location()).toBe('/catalog?kind=all');
    expect((screen.getByRole('searchbox', { name: 'Search the catalog' }) as HTMLInputElement).value).toBe(
      '',
    );
  });

  it('answers unknown catalog paths with the not-found page', async () => {
    renderCatalogApp('/catalog/nope');
    expect(await screen.findByText('Page not found')).toBeTruthy();
  });
});

describe('catalog index page over many entities', () => {
  serve(
    Array.from({ length: 25 }, (_, i) =>
      makeEntity('Component', `svc-${String(i).padStart(2, '0')}`, {
        type: 'service',
        lifecycle: 'production',
        owner: 'team-a',
      }),
    ),
  );

  it('pages with server cursors and sorts on the server', async () => {
    renderCatalogApp('/catalog');
    await waitFor(() => expect(rowNames()).toHaveLength(20));
    fireEvent.click(screen.getByRole('button', { name: 'Go to next page' }));
    await waitFor(() => expect(rowNames()).toEqual(['svc-20', 'svc-21', 'svc-22', 'svc-23', 'svc-24']));
    expect(lastQuery().get('cursor')).toBeTruthy();
    expect(lastQuery().getAll('filter')).toEqual([]);
    expect(queries()[0]).toContain('filter=kind%3DComponent');
    expect(location()).toMatch(/^\/catalog\?cursor=.+&page=1$/);
    expect(screen.getByText('21–25 of 25')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Go to previous page' }));
    await waitFor(() => expect(rowNames()[0]).toBe('svc-00'));
    expect(location()).toBe('/catalog');

    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(rowNames()[0]).toBe('svc-24'));
    expect(lastQuery().get('orderField')).toBe('metadata.name,desc');
    expect(location()).toBe('/catalog?sort=name%2Cdesc');
  });
});

describe('catalog index page of an empty catalog', () => {
  serve([]);

  it('invites registration when the catalog is empty', async () => {
    renderCatalogApp('/catalog');
    expect(await screen.findByText('The catalog is empty')).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'Register existing component' });
    expect(links.every((link) => link.getAttribute('href') === '/catalog-import')).toBe(true);
  });
});

describe('catalog index page of a catalog without components', () => {
  serve([makeEntity('Group', 'team-x', { type: 'team', children: [] })]);

  it('says there are no components yet and offers every kind', async () => {
    renderCatalogApp('/catalog');
    expect(await screen.findByText('No components yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all kinds' }));
    await waitFor(() => expect(rowNames()).toEqual(['team-x']));
    expect(location()).toBe('/catalog?kind=all');
  });
});
