// @vitest-environment happy-dom
import { defineWebPlugin } from '@atrium/web-kernel';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityCardBlueprint, EntityTabBlueprint, useEntity } from '../index.js';
import { loadCatalogCode, renderCatalogApp } from '../test-utils/render-catalog.js';
import { brokenEntity, sampleCatalog } from '../test-utils/sample-entities.js';
import { setUpCatalogServer } from '../test-utils/set-up-catalog-server.js';

// Chunks load before the first test, so no wait below includes loading code.
beforeAll(loadCatalogCode);

const catalog = setUpCatalogServer([...sampleCatalog(), brokenEntity()]);

/** A tab as a third-party plugin would write it. */
function Scorecard() {
  return <p>{`Score of ${useEntity().metadata.name}`}</p>;
}
const tabNames = () => screen.getAllByRole('tab').map((tab) => tab.textContent);
const location = () => screen.getByTestId('location').textContent;
const card = (title: string) => screen.getByRole('region', { name: title });

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('entity page', () => {
  it('shows a component: header, tabs for its kind, about and relation cards', async () => {
    renderCatalogApp('/catalog/default/component/petstore-service');
    expect(await screen.findByRole('heading', { level: 1, name: 'Petstore Service' })).toBeTruthy();
    const header = screen.getByRole('banner');
    expect(header.textContent).toContain('Component · service');
    // The owner by its title, the ref on hover.
    const owner = await within(header).findByRole('link', { name: 'Team A' });
    expect(owner.getAttribute('href')).toBe('/catalog/default/group/team-a');
    expect(owner.getAttribute('title')).toBe('group:default/team-a');
    expect(within(header).getByText('production')).toBeTruthy();
    expect(within(header).getByText('java')).toBeTruthy();
    expect(within(header).getByRole('link', { name: 'Runbook' }).getAttribute('href')).toBe(
      'https://runbooks.example.com/petstore',
    );
    expect(tabNames()).toEqual(['Overview', 'Dependencies', 'Raw']);
    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');

    const about = await screen.findByRole('region', { name: 'About' });
    expect(about.textContent).toContain('Sells pets online.');
    expect((await within(about).findByRole('link', { name: 'Team A' })).getAttribute('title')).toBe(
      'group:default/team-a',
    );
    expect(within(about).getByRole('link', { name: 'pets' }).getAttribute('href')).toBe(
      '/catalog/default/system/pets',
    );
    expect(within(about).getByRole('link', { name: 'View source' }).getAttribute('href')).toBe(
      'https://github.com/acme/petstore/tree/main/',
    );
    expect(within(about).getByRole('link', { name: 'Edit descriptor' })).toBeTruthy();

    await waitFor(() => within(card('Provided APIs')).getByRole('link', { name: 'Petstore API' }));
    const consumed = card('Consumed APIs');
    await waitFor(() => expect(consumed.textContent).toContain('not in the catalog'));
    expect(await within(card('Depends on')).findByRole('link', { name: 'pets-db' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Members' })).toBeNull();
  });

  it('switches tabs by URL, shows the raw entity as YAML or JSON', async () => {
    renderCatalogApp('/catalog/default/component/petstore-service');
    fireEvent.click(await screen.findByRole('tab', { name: 'Raw' }));
    await waitFor(() => expect(location()).toBe('/catalog/default/component/petstore-service/raw'));
    const code = await screen.findByText(/kind: Component/);
    expect(code.textContent).toContain('name: petstore-service');
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    expect(await screen.findByText(/"kind": "Component"/)).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Raw' }).getAttribute('aria-selected')).toBe('true');
  });

  it('renders an OpenAPI definition grouped by tag for API entities', async () => {
    renderCatalogApp('/catalog/default/api/petstore-api/definition');
    expect(await screen.findByRole('heading', { name: 'API definition (openapi)' })).toBeTruthy();
    expect(tabNames()).toEqual(['Overview', 'Dependencies', 'API definition', 'Raw']);
    expect(screen.getByRole('heading', { name: 'Petstore' })).toBeTruthy();
    const pets = screen.getByRole('region', { name: 'Operations tagged pets' });
    expect(within(pets).getByText('List all pets')).toBeTruthy();
    expect(within(pets).getByText('Create a pet')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Operations tagged default' }).textContent).toContain(
      '/health',
    );
    fireEvent.click(within(pets).getByText('List all pets'));
    const parameters = await screen.findByRole('table', { name: 'Parameters of GET /pets' });
    expect(parameters.textContent).toContain('integer (int32)');
    expect(screen.getByRole('table', { name: 'Responses of GET /pets' }).textContent).toContain('array<Pet>');
    // The description's HTML stays text (markdown without raw HTML).
    await waitFor(() => expect(screen.getByText(/Sells/)).toBeTruthy());
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('shows other API types as text', async () => {
    renderCatalogApp('/catalog/default/api/events-api/definition');
    expect(await screen.findByRole('heading', { name: 'API definition (asyncapi)' })).toBeTruthy();
    expect(screen.getByText(/asyncapi: 2.6.0/).tagName).toBe('CODE');
  });

  it('shows a group with members, parent and child groups, and owned entities', async () => {
    renderCatalogApp('/catalog/default/group/team-a');
    expect(await screen.findByRole('heading', { level: 1, name: 'Team A' })).toBeTruthy();
    const members = await screen.findByRole('region', { name: 'Members' });
    await waitFor(() => within(members).getByRole('link', { name: 'Ada Lovelace' }));
    expect(within(members).getByRole('link', { name: 'ada@example.com' }).getAttribute('href')).toBe(
      'mailto:ada@example.com',
    );
    expect(await within(card('Groups')).findByRole('link', { name: 'engineering' })).toBeTruthy();
    const owned = card('Owned entities');
    await waitFor(() => within(owned).getByRole('link', { name: 'Petstore Service' }));
    expect(within(owned).getByRole('link', { name: 'Petstore API' })).toBeTruthy();
    expect(
      catalog.server.requests.some((r) => r.includes('filter=relations.ownedBy%3Dgroup%3Adefault%2Fteam-a')),
    ).toBe(true);
    expect(within(owned).getByRole('link', { name: 'View in catalog' }).getAttribute('href')).toBe(
      '/catalog?kind=all&owner=group%3Adefault%2Fteam-a',
    );
    expect(screen.queryByRole('region', { name: 'About' })).toBeNull();
  });

  it('shows a user profile with a safe picture only, and the groups they belong to', async () => {
    renderCatalogApp('/catalog/default/user/ada');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy();
    const profile = await screen.findByRole('region', { name: 'Profile' });
    expect(profile.querySelector('img')?.getAttribute('src')).toBe('https://example.com/ada.png');
    await waitFor(() => within(card('Member of')).getByRole('link', { name: 'Team A' }));
    cleanup();
    renderCatalogApp('/catalog/default/user/grace');
    const grace = await screen.findByRole('region', { name: 'Profile' });
    expect(grace.querySelector('img')).toBeNull();
    expect(grace.textContent).toContain('G');
  });

  it('shows processing errors prominently on the overview', async () => {
    renderCatalogApp('/catalog/default/location/broken');
    const alert = await screen.findByRole('alert', { name: 'Processing errors' });
    expect(alert.textContent).toContain('Processing failed with 1 error');
    expect(alert.textContent).toContain(
      "InputError: a Location target of type 'file' ('/nonexistent/catalog-info.yaml')",
    );
  });

  it('shows a not-found page for an unknown entity', async () => {
    renderCatalogApp('/catalog/default/component/nope');
    expect(await screen.findByRole('heading', { name: 'Entity not found' })).toBeTruthy();
    expect(screen.getByText(/There is no component named "nope"/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the catalog' }).getAttribute('href')).toBe('/catalog');
  });

  it("shows the server's error with Retry when the entity cannot be loaded", async () => {
    catalog.server.fail('GET /entities/by-name/component/default/petstore-service', {
      status: 403,
      name: 'NotAllowedError',
      message: 'You may not read this entity',
    });
    renderCatalogApp('/catalog/default/component/petstore-service');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You may not read this entity');
    catalog.server.heal('GET /entities/by-name/component/default/petstore-service');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Petstore Service' })).toBeTruthy();
  });

  it('takes tabs and cards from other plugins, filtered by kind, and reports an unknown tab path', async () => {
    const scorecards = defineWebPlugin({
      id: 'scorecards',
      extensions: [
        EntityTabBlueprint.make({
          name: 'scores',
          params: {
            path: '/scores',
            title: 'Scores',
            filter: { kind: 'Component' },
            loader: async () => <Scorecard />,
          },
        }),
        EntityCardBlueprint.make({
          name: 'badge',
          params: { filter: { kind: 'API' }, loader: async () => <p>API badge</p> },
        }),
      ],
    });
    const app = renderCatalogApp('/catalog/default/component/petstore-service/scores', {
      features: [scorecards],
    });
    expect(app.diagnostics).toEqual([]);
    expect(await screen.findByText('Score of petstore-service')).toBeTruthy();
    expect(tabNames()).toEqual(['Overview', 'Dependencies', 'Raw', 'Scores']);
    expect(screen.queryByText('API badge')).toBeNull();
    cleanup();
    renderCatalogApp('/catalog/default/api/petstore-api', { features: [scorecards] });
    expect(await screen.findByText('API badge')).toBeTruthy();
    expect(tabNames()).not.toContain('Scores');
    cleanup();
    renderCatalogApp('/catalog/default/api/petstore-api/scores', { features: [scorecards] });
    expect(await screen.findByText('This entity has no such page')).toBeTruthy();
  });

  it('can be configured by extension id: a disabled tab disappears', async () => {
    renderCatalogApp('/catalog/default/component/petstore-service', {
      config: {
        app: { extensions: [{ 'entity-tab:catalog/raw': false }, { 'entity-card:catalog/about': false }] },
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Petstore Service' });
    expect(tabNames()).toEqual(['Overview', 'Dependencies']);
    await screen.findByRole('region', { name: 'Provided APIs' });
    expect(screen.queryByRole('region', { name: 'About' })).toBeNull();
  });

  // Last: it deletes an entity of the shared catalog.
  it('schedules a refresh and deletes the entity after confirmation', async () => {
    const uid = (await catalog.server.served('component:default/web-shop'))?.metadata.uid;
    renderCatalogApp('/catalog/default/component/web-shop');
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh entity' }));
    expect(await screen.findByText(/Refresh scheduled/)).toBeTruthy();
    expect(catalog.server.requests).toContain('POST /refresh');
    fireEvent.click(screen.getByRole('button', { name: 'Delete entity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete web-shop?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(location()).toBe('/catalog'));
    expect(catalog.server.requests).toContain(`DELETE /entities/by-uid/${uid}`);
    expect(await catalog.server.served('component:default/web-shop')).toBeNull();
  });
});
