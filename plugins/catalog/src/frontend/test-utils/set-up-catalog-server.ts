import type { Entity } from '@atrium/catalog-model';
import { configure } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { type CatalogServer, type CatalogServerOptions, startCatalogServer } from './start-catalog-server.js';

// The real backend answers in milliseconds, but a loaded machine runs two processes at once.
configure({ asyncUtilTimeout: 5000 });

/**
 * Runs the tests of a file against one real catalog backend seeded with `entities`: it
 * starts before the first test at the page's own origin, answers every `fetch` the app
 * makes, and stops after the last test. Each test
 * starts with no recorded requests and no injected faults.
 *
 * @example
 * const catalog = setUpCatalogServer(sampleCatalog());
 * it('...', () => { renderCatalogApp('/catalog'); expect(catalog.server.requests).toEqual([...]); });
 */
export function setUpCatalogServer(
  entities: Entity[],
  options?: CatalogServerOptions,
): { server: CatalogServer } {
  const handle = {} as { server: CatalogServer };
  beforeAll(async () => {
    handle.server = await startCatalogServer(entities, options);
  }, 60_000);
  beforeEach(() => {
    // Another server of the same file may have moved the page since.
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(handle.server.url);
    handle.server.reset();
    vi.stubGlobal('fetch', handle.server.fetch);
  });
  afterAll(() => handle.server?.stop());
  return handle;
}
