// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStarredEntitiesForTests } from '../starred/use-starred-entities.js';
import { createFakeCatalogServer } from '../test-utils/fake-catalog-server.js';
import { loadCatalogCode, renderCatalogApp } from '../test-utils/render-catalog.js';
import { hostileEntity, sampleCatalog } from '../test-utils/sample-entities.js';

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

beforeEach(() => {
  localStorage.clear();
  resetStarredEntitiesForTests();
  vi.stubGlobal('fetch', createFakeCatalogServer([...sampleCatalog(), hostileEntity()]).fetch);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('hostile entity data', () => {
  it('renders titles, descriptions and links of the entity page as text, never markup or live links', async () => {
    renderCatalogApp('/catalog/default/component/evil');
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(title);
    const about = await screen.findByRole('region', { name: 'About' });
    expect(about.textContent).toContain('<script>alert("xss")</script> **bold**');
    // Unsafe links keep their text but are not links.
    for (const text of ['Click me', 'Sneaky']) {
      expect(screen.queryByRole('link', { name: text })).toBeNull();
      expect(screen.getByText(text).closest('[data-unsafe-link]')).toBeTruthy();
    }
    expect(screen.getByRole('link', { name: 'Fine link' }).getAttribute('href')).toBe(
      'https://ok.example.com',
    );
    expect(within(about).queryByRole('link', { name: 'View descriptor' })).toBeNull();
    expect(within(about).queryByRole('link', { name: 'Edit descriptor' })).toBeNull();
    expect(within(about).getByText('View descriptor').closest('[data-unsafe-link]')).toBeTruthy();
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
