// @vitest-environment happy-dom

import { catalogWebPlugin } from '@atrium/catalog/frontend';
import { createApp } from '@atrium/web-kernel';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { scaffolderWebPlugin } from './plugin.js';
import { createFakeServer, sseResponse } from './test-utils/fake-server.js';
import { preloadScaffolderScreens } from './test-utils/preload-scaffolder-screens.js';

const template = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name: 'node-service',
    namespace: 'default',
    title: 'Node.js service',
    description: 'An HTTP service',
    tags: ['nodejs'],
    uid: 'u1',
  },
  spec: { type: 'service', owner: 'group:default/team-devex', steps: [] },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-devex' }],
};

// A group with a title: the picker shows the title and must store the ref.
const devex = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-devex', namespace: 'default', title: 'Developer Experience team' },
};

const parameterSchema = {
  title: 'Node.js service',
  presentation: { buttonLabels: { createButtonText: 'Create service' } },
  steps: [
    {
      title: 'About the service',
      schema: {
        required: ['name', 'owner'],
        properties: {
          name: { title: 'Name', type: 'string', 'ui:field': 'EntityNamePicker' },
          owner: { title: 'Owner', type: 'string', 'ui:field': 'OwnerPicker' },
        },
      },
    },
    {
      title: 'Secrets',
      schema: {
        properties: {
          token: { title: 'Token', type: 'string', 'ui:widget': 'password' },
          internal: {
            title: 'Internal',
            type: 'string',
            default: 'x',
            'ui:backstage': { review: { show: false } },
          },
        },
      },
    },
  ],
};

const steps = [
  { id: 'fetch', name: 'Render the skeleton', action: 'fetch:template' },
  { id: 'publish', name: 'Publish to git', action: 'publish:git' },
];
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s)).toISOString();
const events = [
  {
    id: 1,
    type: 'log',
    body: { message: 'Beginning step Render the skeleton', stepId: 'fetch', status: 'processing' },
  },
  { id: 2, type: 'log', body: { message: 'Rendered 7 files', stepId: 'fetch' } },
  {
    id: 3,
    type: 'log',
    body: { message: 'Finished step Render the skeleton', stepId: 'fetch', status: 'completed' },
  },
  {
    id: 4,
    type: 'log',
    body: { message: 'Beginning step Publish to git', stepId: 'publish', status: 'processing' },
  },
  {
    id: 5,
    type: 'log',
    body: { message: 'Finished step Publish to git', stepId: 'publish', status: 'completed' },
  },
  {
    id: 6,
    type: 'completion',
    body: {
      message: 'Run completed with status: completed',
      output: {
        links: [
          { title: 'Repository', url: 'file:///tmp/atrium-git/inventory.git' },
          { title: 'Open in catalog', entityRef: 'component:default/inventory' },
          { title: 'Bad', url: 'javascript:alert(1)' },
        ],
        text: [{ title: 'Next steps', content: 'Run **npm test**' }],
      },
    },
  },
].map((e, i) => ({ ...e, taskId: 'task-1', createdAt: at(i), isTaskRecoverable: false }));

function startServer() {
  let creates = 0;
  return createFakeServer({
    'catalog.getEntityFacets': () =>
      Response.json({
        facets: {
          'spec.type': [{ value: 'service', count: 1 }],
          'metadata.tags': [{ value: 'nodejs', count: 1 }],
          'relations.ownedBy': [],
        },
      }),
    'catalog.getEntitiesByQuery': (r) => {
      const filters = r.search.getAll('filter');
      const items = filters.some((f) => f.includes('kind=template'))
        ? [template]
        : filters.some((f) => f.toLowerCase().includes('kind=group'))
          ? [devex]
          : [];
      return Response.json({ items, totalItems: items.length, pageInfo: {} });
    },
    'scaffolder.getParameterSchema': () => Response.json(parameterSchema),
    'scaffolder.createTask': () => {
      creates += 1;
      // The first submission is refused, as a server-side rule would.
      if (creates === 1)
        return Response.json(
          { errors: [{ path: ['name'], property: 'instance.name', message: 'is already taken' }] },
          { status: 400 },
        );
      return Response.json({ id: 'task-1' }, { status: 201 });
    },
    'scaffolder.getTask': () =>
      Response.json({
        id: 'task-1',
        status: 'processing',
        createdAt: at(0),
        spec: {
          steps,
          templateInfo: {
            entityRef: 'template:default/node-service',
            entity: { metadata: { title: 'Node.js service' } },
          },
        },
      }),
    'scaffolder.streamTaskEvents': () => sseResponse(events),
  });
}

let server: ReturnType<typeof startServer>;
beforeEach(() => {
  server = startServer();
  vi.stubGlobal('fetch', server.fetch);
});
beforeAll(preloadScaffolderScreens);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  // The canned answers and the UI's requests fit the real API definitions.
  expect(server.violations).toEqual([]);
});

function renderApp(path: string) {
  const app = createApp({
    features: [catalogWebPlugin, scaffolderWebPlugin],
    config: { backend: { baseUrl: 'http://backend.test' } },
    initialEntries: [path],
  });
  expect(app.diagnostics).toEqual([]);
  render(app.createRoot());
}

describe('scaffolder UI', () => {
  it.each(['mouse', 'keyboard'])(
    'stores the ref of an owner picked by %s, not the title it shows',
    async (way) => {
      renderApp('/create/templates/default/node-service');
      fireEvent.change(await screen.findByRole('textbox', { name: /Name/ }), {
        target: { value: 'inventory' },
      });
      const owner = await screen.findByRole('combobox', { name: /Owner/ });
      fireEvent.mouseDown(owner);
      const option = await screen.findByRole('option', { name: /Developer Experience team/ });
      if (way === 'mouse') fireEvent.click(option);
      else {
        fireEvent.keyDown(owner, { key: 'ArrowDown' });
        fireEvent.keyDown(owner, { key: 'Enter' });
      }
      await waitFor(() => expect((owner as HTMLInputElement).value).toBe('Developer Experience team'));
      // Leaving the field hands the shown title back to the picker.
      fireEvent.blur(owner);
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Review' }));
      const review = await screen.findByRole('table', { name: 'Values to submit' });
      expect(within(review).getByRole('row', { name: 'Owner group:default/team-devex' })).toBeTruthy();
    },
  );

  it('goes from the gallery through the form and review to a task with live logs and output links', async () => {
    renderApp('/create');
    const card = await screen.findByRole('article', { name: 'Node.js service' });
    expect(within(card).getByText('An HTTP service')).toBeTruthy();
    expect(within(card).getByText('Owner: team-devex')).toBeTruthy();
    fireEvent.click(within(card).getByRole('link', { name: 'Choose Node.js service' }));

    expect(await screen.findByRole('heading', { name: 'About the service' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findAllByText(/required property/)).not.toHaveLength(0);

    const name = await screen.findByRole('textbox', { name: /Name/ });
    fireEvent.change(name, { target: { value: 'bad name' } });
    fireEvent.blur(name);
    expect(await screen.findByText(/is not a valid entity name/)).toBeTruthy();
    fireEvent.change(name, { target: { value: 'inventory' } });
    const owner = await screen.findByRole('combobox', { name: /Owner/ });
    fireEvent.change(owner, { target: { value: 'team-a' } });
    fireEvent.blur(owner);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByRole('heading', { name: 'Secrets' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Token/), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));

    const review = await screen.findByRole('table', { name: 'Values to submit' });
    expect(within(review).getByRole('row', { name: 'Name inventory' })).toBeTruthy();
    expect(within(review).getByRole('row', { name: 'Owner group:default/team-a' })).toBeTruthy();
    expect(within(review).getByRole('row', { name: 'Token ******' })).toBeTruthy();
    expect(within(review).queryByText('Internal')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Create service' }));
    // The server's 400 sends the author back to the field it names.
    expect(await screen.findByText('is already taken')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'About the service' })).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Name/ }), { target: { value: 'inventory2' } });
    await waitFor(() => expect(screen.queryByText('is already taken')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Create service' }));

    expect(await screen.findByRole('heading', { name: 'Run of Node.js service' })).toBeTruthy();
    const created = server.requests.filter((r) => r.route === 'scaffolder.createTask').at(-1);
    expect(created?.body).toEqual({
      templateRef: 'template:default/node-service',
      values: { name: 'inventory2', owner: 'group:default/team-a', token: 's3cret', internal: 'x' },
    });

    const outputs = await screen.findByRole('list', { name: 'Output links' });
    expect(within(outputs).getByRole('link', { name: 'Open in catalog' }).getAttribute('href')).toBe(
      '/catalog/default/component/inventory',
    );
    expect(within(outputs).getByText('file:///tmp/atrium-git/inventory.git')).toBeTruthy();
    expect(within(outputs).queryByRole('link', { name: 'Bad' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Render the skeleton: Completed' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publish to git: Completed' })).toBeTruthy();
    expect(
      within(screen.getByRole('log', { name: 'Log of all steps' })).getByText('Rendered 7 files'),
    ).toBeTruthy();
    expect(await screen.findByText('npm test')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Completed');

    fireEvent.click(screen.getByRole('button', { name: 'Publish to git: Completed' }));
    const stepLog = screen.getByRole('log', { name: 'Log of Publish to git' });
    expect(within(stepLog).queryByText('Rendered 7 files')).toBeNull();
    expect(within(stepLog).getByText('Finished step Publish to git')).toBeTruthy();
  });
});
