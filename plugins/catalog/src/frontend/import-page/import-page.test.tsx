// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogCode, renderCatalogApp } from '../test-utils/render-catalog.js';
import { sampleCatalog } from '../test-utils/sample-entities.js';
import { setUpCatalogServer } from '../test-utils/set-up-catalog-server.js';

// Chunks load before the first test, so no wait below includes loading code.
beforeAll(loadCatalogCode);

const descriptor = (name: string, title: string) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    `metadata: { name: ${name}, title: ${title} }`,
    'spec: { type: service, lifecycle: production, owner: team-a }',
    '---',
    'apiVersion: backstage.io/v1alpha1',
    'kind: API',
    `metadata: { name: ${name}-api }`,
    "spec: { type: openapi, lifecycle: production, owner: team-a, definition: 'openapi: 3.0.0' }",
  ].join('\n');

// Repositories on a loopback host the catalog may read, as it would read GitHub.
const catalog = setUpCatalogServer(sampleCatalog(), {
  hostedFiles: {
    '/acme/billing/blob/main/catalog-info.yaml': descriptor('billing', 'Billing'),
    '/acme/billing/blob/HEAD/catalog-info.yaml': descriptor('billing', 'Billing'),
    '/acme/payments/blob/main/catalog-info.yaml': descriptor('payments', 'Payments'),
  },
});
const hosted = (path: string) => `${catalog.server.hostOrigin}${path}`;

const analyze = async (target: string) => {
  fireEvent.change(await screen.findByRole('textbox', { name: 'Repository or file URL' }), {
    target: { value: target },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Analyze' }));
};

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('register page', () => {
  it('previews a descriptor URL with a dry run, imports it and links the new entities once ingested', async () => {
    const fileUrl = hosted('/acme/billing/blob/main/catalog-info.yaml');
    renderCatalogApp('/catalog-import');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Register an existing component' }),
    ).toBeTruthy();
    await analyze(fileUrl);
    const preview = await screen.findByRole('table', { name: `Entities in ${fileUrl}` });
    expect(
      within(preview)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'KindNameEntity ref',
      'ComponentBillingcomponent:default/billing',
      'APIbilling-apiapi:default/billing-api',
    ]);
    expect(screen.getByText('2 entities in 1 location will be added to the catalog:')).toBeTruthy();
    expect(catalog.server.requests).toEqual(['POST /locations?dryRun=true']);

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(`Registered ${fileUrl}.`)).toBeTruthy();
    expect(catalog.server.requests).toContain('POST /locations');
    const imported = screen.getByRole('list', { name: 'Imported entities' });
    expect(within(imported).getAllByText('processing…')).toHaveLength(2);
    // The page polls every second until the catalog has processed the new location.
    const link = await within(imported).findByRole('link', { name: 'Billing' }, { timeout: 15_000 });
    expect(link.getAttribute('href')).toBe('/catalog/default/component/billing');
    expect(within(imported).getByRole('link', { name: 'billing-api' })).toBeTruthy();
  });

  it('analyzes a repository URL and previews each descriptor found in it', async () => {
    renderCatalogApp('/catalog-import');
    await analyze(hosted('/acme/billing'));
    const found = hosted('/acme/billing/blob/HEAD/catalog-info.yaml');
    expect(await screen.findByRole('table', { name: `Entities in ${found}` })).toBeTruthy();
    expect(catalog.server.requests).toEqual(['POST /analyze-location', 'POST /locations?dryRun=true']);
  });

  it('suggests a descriptor when the repository has none', async () => {
    renderCatalogApp('/catalog-import');
    await analyze(hosted('/acme/ledger'));
    expect(await screen.findByText(/No catalog-info.yaml was found/)).toBeTruthy();
    expect(screen.getByText(/name: ledger/)).toBeTruthy();
    expect(screen.getByText('spec.owner')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it("shows the server's reason when a location is refused", async () => {
    renderCatalogApp('/catalog-import');
    await analyze('/etc/passwd');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not analyze the location');
    expect(alert.textContent).toContain('catalog.allowedFileRoots');
    expect(catalog.server.requests).toEqual(['POST /locations?dryRun=true']);
    expect(catalog.server.bodies.at(-1)).toEqual({ type: 'file', target: '/etc/passwd' });
  });

  it('refreshes a location that is already registered instead of adding it again', async () => {
    const fileUrl = hosted('/acme/payments/blob/main/catalog-info.yaml');
    renderCatalogApp('/catalog-import');
    await analyze(fileUrl);
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await screen.findByText(`Registered ${fileUrl}.`);
    fireEvent.click(screen.getByRole('button', { name: 'Register another' }));
    await analyze(fileUrl);
    expect(
      await screen.findByText('This location is already registered. Importing refreshes it.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByText(`Registered ${fileUrl}.`);
    expect(catalog.server.requests).toContain('POST /refresh');
    expect(catalog.server.requests.filter((r) => r === 'POST /locations')).toHaveLength(1);
  });
});
