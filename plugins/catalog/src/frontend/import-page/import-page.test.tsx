// @vitest-environment happy-dom
import type { Entity } from '@atrium/catalog-model';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeCatalogServer,
  type FakeCatalogOptions,
  type FakeCatalogServer,
} from '../test-utils/fake-catalog-server.js';
import { loadCatalogCode, renderCatalogApp } from '../test-utils/render-catalog.js';
import { makeEntity, sampleCatalog } from '../test-utils/sample-entities.js';

// Chunks load before the first test, so no wait below includes loading code.
beforeAll(loadCatalogCode);

const fileUrl = 'https://github.com/acme/billing/blob/main/catalog-info.yaml';
const billing: Entity[] = [
  makeEntity('Location', 'generated-abc', { type: 'url', target: fileUrl }),
  makeEntity(
    'Component',
    'billing',
    { type: 'service', lifecycle: 'production', owner: 'team-a' },
    { title: 'Billing' },
  ),
  makeEntity('API', 'billing-api', {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'team-a',
    definition: 'openapi: 3.0.0',
  }),
];

let server: FakeCatalogServer;
const startServer = (options: FakeCatalogOptions = { locations: { [fileUrl]: billing } }) => {
  server = createFakeCatalogServer(sampleCatalog(), options);
  vi.stubGlobal('fetch', server.fetch);
};
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
    startServer();
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
    expect(server.requests).toEqual(['POST /locations?dryRun=true']);

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(`Registered ${fileUrl}.`)).toBeTruthy();
    expect(server.requests).toContain('POST /locations');
    const imported = screen.getByRole('list', { name: 'Imported entities' });
    expect(within(imported).getAllByText('processing…')).toHaveLength(2);
    const link = await within(imported).findByRole('link', { name: 'Billing' }, { timeout: 4000 });
    expect(link.getAttribute('href')).toBe('/catalog/default/component/billing');
    expect(within(imported).getByRole('link', { name: 'billing-api' })).toBeTruthy();
  });

  it('analyzes a repository URL and previews each descriptor found in it', async () => {
    startServer({
      locations: { [fileUrl]: billing },
      analyze: {
        existingEntityFiles: [
          { entity: billing[1], isRegistered: false, location: { type: 'url', target: fileUrl } },
          { entity: billing[2], isRegistered: false, location: { type: 'url', target: fileUrl } },
        ],
        generateEntities: [],
      },
    });
    renderCatalogApp('/catalog-import');
    await analyze('https://github.com/acme/billing');
    expect(await screen.findByRole('table', { name: `Entities in ${fileUrl}` })).toBeTruthy();
    expect(server.requests).toEqual(['POST /analyze-location', 'POST /locations?dryRun=true']);
  });

  it('suggests a descriptor when the repository has none', async () => {
    startServer({
      analyze: {
        existingEntityFiles: [],
        generateEntities: [
          {
            entity: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'billing' } },
            fields: [
              { field: 'spec.owner', state: 'needsUserInput', value: null, description: 'Who owns it' },
            ],
          },
        ],
      },
    });
    renderCatalogApp('/catalog-import');
    await analyze('https://github.com/acme/billing');
    expect(await screen.findByText(/No catalog-info.yaml was found/)).toBeTruthy();
    expect(screen.getByText(/name: billing/)).toBeTruthy();
    expect(screen.getByText('spec.owner')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it("shows the server's reason when a location is refused", async () => {
    startServer();
    server.fail('POST /locations', {
      status: 400,
      name: 'InputError',
      message: "File location '/etc/passwd' is outside catalog.allowedFileRoots",
    });
    renderCatalogApp('/catalog-import');
    await analyze('/etc/passwd');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not analyze the location');
    expect(alert.textContent).toContain('catalog.allowedFileRoots');
    expect(server.requests).toEqual(['POST /locations?dryRun=true']);
    expect(server.bodies.at(-1)).toEqual({ type: 'file', target: '/etc/passwd' });
  });

  it('refreshes a location that is already registered instead of adding it again', async () => {
    startServer();
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
    expect(server.requests).toContain('POST /refresh');
    expect(server.requests.filter((r) => r === 'POST /locations')).toHaveLength(1);
  });
});
