import { catalogWebPlugin } from '@atrium/catalog/frontend';
import { createApp } from '@atrium/web-kernel';
import { cleanup, render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { scaffolderWebPlugin } from '../plugin.js';
import { createFakeServer } from './fake-server.js';

/** A one-field template form: enough to run rjsf, MUI's inputs and a role query once. */
async function renderOneForm(): Promise<void> {
  const server = createFakeServer({
    'scaffolder.getParameterSchema': () =>
      Response.json({
        title: 'Warm-up',
        steps: [{ title: 'One', schema: { properties: { name: { title: 'Name', type: 'string' } } } }],
      }),
  });
  vi.stubGlobal('fetch', server.fetch);
  try {
    const app = createApp({
      features: [catalogWebPlugin, scaffolderWebPlugin],
      config: { backend: { baseUrl: 'http://backend.test' } },
      initialEntries: ['/create/templates/default/warm-up'],
    });
    render(app.createRoot());
    await screen.findByRole('textbox', { name: 'Name' }, { timeout: 30_000 });
  } finally {
    cleanup();
    vi.unstubAllGlobals();
  }
}

/**
 * Loads the code of every scaffolder screen and form field, then renders one form, before
 * a file's tests: their waits then time the UI under test, not the first load of a chunk
 * (rjsf's above all) nor the first, unoptimised run of React, MUI, rjsf and the role
 * queries, which on a busy machine took longer than a wait's default second. The router's
 * screens are React.lazy below the page, out of `app.preload()`'s reach, so they are named here.
 *
 * @example
 * beforeAll(preloadScaffolderScreens);
 */
export async function preloadScaffolderScreens(): Promise<void> {
  await Promise.all([
    createApp({ features: [catalogWebPlugin, scaffolderWebPlugin] }).preload(),
    import('../gallery/template-gallery-page.js'),
    import('../form/template-form-page.js'),
    import('../task/task-page.js'),
    import('../tasks/task-list-page.js'),
    import('../editor/template-editor-page.js'),
    import('../fields/entity-picker.js'),
    import('../fields/repo-url-picker.js'),
    import('../fields/entity-name-picker.js'),
  ]);
  await renderOneForm();
}
