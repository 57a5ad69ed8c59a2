// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogCode, renderCatalogApp } from '../test-utils/render-catalog.js';
import { sampleCatalog } from '../test-utils/sample-entities.js';
import { setUpCatalogServer } from '../test-utils/set-up-catalog-server.js';

// Chunks load before the first test, so no wait below includes loading code.
beforeAll(loadCatalogCode);

const descriptor = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata: { name: billing, title: Billing }',
  'spec: { type: service, lifecycle: production, owner: team-a }',
  '---',
  'apiVersion: backstage.io/v1alpha1',
  'kind: API',
  'metadata: { name: billing-api }',
  "spec: { type: openapi, lifecycle: production, owner: team-a, definition: 'openapi: 3.0.0' }",
].join('\n');

const catalog = setUpCatalogServer(sampleCatalog(), {
  hostedFiles: { '/acme/billing/blob/main/catalog-info.yaml': descriptor },
});
const location = () => screen.getByTestId('location').textContent;

/** Registers the hosted descriptor through the API, as the register page would, and waits for it. */
async function registerBilling(): Promise<string> {
  const target = `${catalog.server.hostOrigin}/acme/billing/blob/main/catalog-info.yaml`;
  const response = await catalog.server.fetch(`${catalog.server.url}/api/catalog/locations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'url', target }),
  });
  expect(response.status).toBe(201);
  await vi.waitFor(
    async () => expect(await catalog.server.served('api:default/billing-api')).not.toBeNull(),
    {
      timeout: 15_000,
      interval: 100,
    },
  );
  catalog.server.reset();
  return target;
}

const openUnregister = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'More actions' }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Unregister location' }));
  return screen.findByRole('dialog', { name: 'Unregister location' });
};

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('unregistering a location from an entity page', () => {
  it('says where an entity that no registered location produced comes from, and offers nothing to confirm', async () => {
    renderCatalogApp('/catalog/default/component/petstore-service');
    const dialog = await openUnregister();
    expect(await within(dialog).findByText(/was not registered through Register/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Unregister' })).toBeNull();
    expect(catalog.server.requests).toContain('GET /locations/by-entity/Component/default/petstore-service');
  });

  it('shows the location and every entity it produced, then deletes the location once confirmed', async () => {
    const target = await registerBilling();
    renderCatalogApp('/catalog/default/component/billing');
    const dialog = await openUnregister();
    await within(dialog).findByText(target);
    expect(dialog.textContent).toContain('removes this location and the 2 entities it produced');
    const listed = within(dialog).getByRole('list', { name: 'Entities of this location' });
    expect(
      within(listed)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Billing (Component)', 'billing-api (API)']);
    const [registered] = (await (
      await catalog.server.fetch(`${catalog.server.url}/api/catalog/locations`)
    ).json()) as { data: { id: string } }[];

    fireEvent.click(within(dialog).getByRole('button', { name: 'Unregister' }));
    await waitFor(() => expect(location()).toBe('/catalog'));
    expect(catalog.server.requests).toContain(`DELETE /locations/${registered?.data.id}`);
    const remaining = await (
      await catalog.server.fetch(`${catalog.server.url}/api/catalog/locations`)
    ).json();
    expect(remaining).toEqual([]);
  });

  it('is offered from the delete dialog, which explains why a deleted entity may come back', async () => {
    renderCatalogApp('/catalog/default/component/web-shop');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete entity' }));
    const remove = await screen.findByRole('dialog', { name: 'Delete web-shop?' });
    expect(remove.textContent).toContain('unregister its location (More actions › Unregister location)');
    fireEvent.click(within(remove).getByRole('button', { name: 'Unregister location…' }));
    expect(await screen.findByRole('dialog', { name: 'Unregister location' })).toBeTruthy();
  });
});
