// @vitest-environment happy-dom
import { renderExtension } from '@atrium/test-kit/frontend';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityProvider } from '../blueprints/entity-context.js';
import { entityCardExtensions } from '../extensions/entity-card-extensions.js';
import {
  type EntityPresentationApi,
  entityPresentationApiRef,
} from '../presentation/entity-presentation-api.js';
import { loadCatalogCode, renderCatalogApp } from '../test-utils/render-catalog.js';
import { hostileEntity, sampleCatalog } from '../test-utils/sample-entities.js';
import { setUpCatalogServer } from '../test-utils/set-up-catalog-server.js';

// Chunks load before the first test, so no wait below includes loading code.
beforeAll(loadCatalogCode);

const title = '<img src=x onerror="alert(1)">Evil';

function expectNoLiveScript() {
  for (const element of document.querySelectorAll('[href], [src]')) {
    const target = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
    expect(target.trim().toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/);
  }
  expect(document.querySelector('main script, #root script')).toBeNull();
  expect(document.querySelector('img[src="x"]')).toBeNull();
}

function expectUnsafeLinksAsText() {
  for (const text of ['Click me', 'Sneaky']) {
    expect(screen.queryByRole('link', { name: text })).toBeNull();
    expect(screen.getByText(text).closest('[data-unsafe-link]')).toBeTruthy();
  }
  expect(screen.getByRole('link', { name: 'Fine link' }).getAttribute('href')).toBe('https://ok.example.com');
}

const aboutCard = entityCardExtensions.find((card) => card.name === 'about');

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('hostile entity data from the catalog', () => {
  setUpCatalogServer([...sampleCatalog(), hostileEntity()]);

  it('renders titles, descriptions and links of the entity page as text, never markup or live links', async () => {
    renderCatalogApp('/catalog/default/component/evil');
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(title);
    const about = await screen.findByRole('region', { name: 'About' });
    expect(about.textContent).toContain('<script>alert("xss")</script> **bold**');
    expectUnsafeLinksAsText();
    expectNoLiveScript();
  });

  it('renders hostile strings in the catalog table as text', async () => {
    renderCatalogApp('/catalog?q=evil');
    const link = await screen.findByRole('link', { name: title });
    expect(link.getAttribute('href')).toBe('/catalog/default/component/evil');
    await waitFor(() => expect(screen.getByText('<script>alert("xss")</script> **bold**')).toBeTruthy());
    expectNoLiveScript();
  });
});

describe('the About card given unsanitised data', () => {
  // The Atrium catalog replaces unsafe view and edit URLs; a Backstage backend need not.
  it('shows unsafe view and edit URLs as text, never as links', async () => {
    if (!aboutCard) throw new Error('the catalog has no about card');
    // No catalog behind the card: the owner's title is simply not known.
    const noTitles: EntityPresentationApi = {
      forRef: async (ref) => ({ entityRef: String(ref), title: undefined }),
    };
    renderExtension(aboutCard, {
      pluginId: 'catalog',
      apis: [[entityPresentationApiRef, noTitles]],
      wrapper: ({ children }) => <EntityProvider entity={hostileEntity()}>{children}</EntityProvider>,
    });
    const about = await screen.findByRole('region', { name: 'About' });
    expect(within(about).queryByRole('link', { name: 'View descriptor' })).toBeNull();
    expect(within(about).queryByRole('link', { name: 'Edit descriptor' })).toBeNull();
    expect(within(about).getByText('View descriptor').closest('[data-unsafe-link]')).toBeTruthy();
    expect(within(about).queryByRole('link', { name: 'View source' })).toBeNull();
    expectNoLiveScript();
  });
});
