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
    '/acme/orders/blob/HEAD/catalog-info.yaml': descriptor('orders', 'Orders'),
    '/acme/payments/blob/main/catalog-info.yaml': descriptor('payments', 'Payments'),
    '/acme/shipping/blob/main/catalog-info.yaml': descriptor('shipping', 'Shipping'),
    '/acme/shipping-fork/blob/main/catalog-info.yaml': descriptor('shipping', 'Shipping'),
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
    // The dry run's entities are looked up, to tell new ones from those already in the catalog.
    expect(catalog.server.requests).toEqual(['POST /locations?dryRun=true', 'POST /entities/by-refs']);

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
    await analyze(hosted('/acme/orders'));
    const found = hosted('/acme/orders/blob/HEAD/catalog-info.yaml');
    expect(await screen.findByRole('table', { name: `Entities in ${found}` })).toBeTruthy();
    expect(catalog.server.requests).toEqual([
      'POST /analyze-location',
      'POST /locations?dryRun=true',
      'POST /entities/by-refs',
    ]);
  });

  it('suggests a descriptor when the repository has none', async () => {
    renderCatalogApp('/catalog-import');
    await analyze(hosted('/acme/ledger'));
    expect(await screen.findByText(/No catalog-info.yaml was found/)).toBeTruthy();
    expect(screen.getByText(/name: ledger/)).toBeTruthy();
    expect(screen.getByText('spec.owner')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it("shows the server's reason when a file is refused, and the key and folder to allow", async () => {
    renderCatalogApp('/catalog-import');
    await analyze('/etc/passwd');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not analyze the location');
    expect(alert.textContent).toContain('catalog.allowedFileRoots');
    expect(catalog.server.requests).toEqual(['POST /locations?dryRun=true']);
    expect(catalog.server.bodies.at(-1)).toEqual({ type: 'file', target: '/etc/passwd' });
    const help = screen.getByRole('note', { name: 'How to allow this' });
    expect(help.textContent).toContain('Allow it with catalog.allowedFileRoots');
    expect(help.textContent).toContain('catalog:\n  allowedFileRoots:\n    - /etc\n');
    expect(help.textContent).toContain('restart');
  });

  it('says which host to add to backend.reading.allow when a URL is refused, without repeating it', async () => {
    const url = 'https://github.com/acme/petstore/blob/main/catalog-info.yaml';
    renderCatalogApp('/catalog-import');
    await analyze(url);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent?.split(url)).toHaveLength(2);
    expect(alert.textContent).not.toMatch(/generated-/);
    const help = screen.getByRole('note', { name: 'How to allow this' });
    expect(help.textContent).toContain('Allow it with backend.reading.allow');
    expect(help.textContent).toContain('backend:\n  reading:\n    allow:\n      - host: github.com\n');
  });

  it('asks for a URL or an absolute path instead of sending free text as a file path', async () => {
    renderCatalogApp('/catalog-import');
    await analyze('petstore');
    expect(await screen.findByText(/'petstore' is neither a URL nor an absolute path/)).toBeTruthy();
    await analyze('./catalog-info.yaml');
    expect(
      await screen.findByText(/'.\/catalog-info.yaml' is neither a URL nor an absolute path/),
    ).toBeTruthy();
    expect(catalog.server.requests).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says which location already owns the entities of a file, and offers no import that would not move them', async () => {
    const original = hosted('/acme/shipping/blob/main/catalog-info.yaml');
    const fork = hosted('/acme/shipping-fork/blob/main/catalog-info.yaml');
    renderCatalogApp('/catalog-import');
    await analyze(original);
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const imported = await screen.findByRole('list', { name: 'Imported entities' });
    await within(imported).findByRole('link', { name: 'Shipping' }, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Register another' }));
    catalog.server.requests.length = 0;

    await analyze(fork);
    const owned = await screen.findByRole('alert', { name: `Already in the catalog: ${fork}` });
    expect(owned.textContent).toContain('2 of these entities are already in the catalog');
    expect(owned.textContent).toContain(`from url:${original}`);
    expect(within(owned).getByRole('link', { name: 'Shipping' }).getAttribute('href')).toBe(
      '/catalog/default/component/shipping',
    );
    expect(screen.getByText('Nothing new: everything found is already in the catalog.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: `Entities in ${fork}` })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(catalog.server.requests).not.toContain('POST /locations');
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
