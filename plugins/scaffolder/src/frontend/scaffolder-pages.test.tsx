// @vitest-environment happy-dom

import { catalogWebPlugin } from '@atrium/catalog/frontend';
import { createApp, defineWebPlugin, parseRefreshResponse } from '@atrium/web-kernel';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FormFieldBlueprint, type FormFieldProps } from './index.js';
import { scaffolderWebPlugin } from './plugin.js';
import { LogViewer } from './task/log-viewer.js';
import { createFakeServer, sseResponse } from './test-utils/fake-server.js';
import { preloadScaffolderScreens } from './test-utils/preload-scaffolder-screens.js';

beforeAll(preloadScaffolderScreens);

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.unstubAllGlobals();
  // The canned answers and the UI's requests fit the real API definitions.
  expect(server?.violations ?? []).toEqual([]);
  server = undefined;
});

function ColorField({ value, onChange, label }: FormFieldProps) {
  return (
    <label>
      {label}
      <select value={String(value ?? '')} onChange={(event) => onChange(event.target.value)}>
        <option value="">none</option>
        <option value="teal">teal</option>
      </select>
    </label>
  );
}

const otherPlugin = defineWebPlugin({
  id: 'colors',
  extensions: [
    FormFieldBlueprint.make({
      name: 'color',
      params: { name: 'ColorPicker', loader: async () => ColorField },
    }),
  ],
});

let server: ReturnType<typeof createFakeServer> | undefined;

function renderApp(path: string, routes: Parameters<typeof createFakeServer>[0]) {
  server = createFakeServer(routes);
  vi.stubGlobal('fetch', server.fetch);
  const app = createApp({
    features: [catalogWebPlugin, scaffolderWebPlugin, otherPlugin],
    config: { backend: { baseUrl: 'http://backend.test' } },
    initialEntries: [path],
  });
  expect(app.diagnostics).toEqual([]);
  render(app.createRoot());
  return server;
}

describe('scaffolder pages', () => {
  it('renders a custom field that another plugin contributes with FormFieldBlueprint', async () => {
    const server = renderApp('/create/templates/default/colors', {
      'scaffolder.getParameterSchema': () =>
        Response.json({
          title: 'Colors',
          steps: [
            {
              title: 'Pick',
              schema: {
                properties: { color: { title: 'Color', type: 'string', 'ui:field': 'ColorPicker' } },
              },
            },
          ],
        }),
    });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Color' }), { target: { value: 'teal' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(await screen.findByRole('row', { name: 'Color teal' })).toBeTruthy();
    expect(server.requests[0]?.path).toBe(
      '/api/scaffolder/v2/templates/default/template/colors/parameter-schema',
    );
  });

  it('dry-runs a pasted template with skeleton files and shows the produced files and log', async () => {
    const server = renderApp('/create/edit', {
      'scaffolder.dryRun': () =>
        Response.json({
          log: [
            { body: { message: 'Beginning step Render skeleton', stepId: 'fetch', status: 'processing' } },
          ],
          directoryContents: [{ path: 'README.md', base64Content: btoa('# demo\n') }],
          output: {},
          steps: [],
          status: 'completed',
        }),
    });
    expect(await screen.findByRole('heading', { name: 'About the component' })).toBeTruthy();
    // The Name field is a lazily loaded custom field: wait for it, not just for its section.
    fireEvent.change(await screen.findByRole('textbox', { name: /^Name/ }), { target: { value: 'demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }));
    const result = await screen.findByRole('region', { name: 'Dry-run result' });
    expect(within(result).getByText('# demo')).toBeTruthy();
    const body = server.requests.find((r) => r.path.endsWith('/dry-run'))?.body as {
      template: { metadata: { name: string } };
      values: unknown;
      directoryContents: { path: string; base64Content: string }[];
    };
    expect(body.template.metadata.name).toBe('hello-world');
    expect(body.values).toEqual({ name: 'demo', greeting: 'Hello' });
    expect(body.directoryContents.map((f) => f.path)).toEqual(['skeleton/README.md']);
    fireEvent.click(within(result).getByRole('tab', { name: 'Log' }));
    expect(within(result).getByRole('log').textContent).toContain('Beginning step Render skeleton');
  });

  it('shows why a dry run failed above the result, not only in the log', async () => {
    renderApp('/create/edit', {
      'scaffolder.dryRun': () =>
        Response.json({
          log: [{ body: { message: 'Beginning step Render skeleton', stepId: 'fetch' } }],
          directoryContents: [],
          output: {},
          steps: [],
          status: 'failed',
          error: { name: 'StepFailedError', message: "Step 'fetch' failed: './skeleton' does not exist" },
        }),
    });
    fireEvent.change(await screen.findByRole('textbox', { name: /^Name/ }), { target: { value: 'demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }));
    const result = await screen.findByRole('region', { name: 'Dry-run result' });
    const alert = within(result).getByRole('alert');
    expect(alert.textContent).toContain('The dry run failed');
    expect(alert.textContent).toContain("Step 'fetch' failed: './skeleton' does not exist");
    expect(within(result).getByText('The run stopped before it produced any files.')).toBeTruthy();
    expect(within(result).queryByText('The run produced no files.')).toBeNull();
  });

  it('loads a template from the catalog with its skeleton files and dry-runs them', async () => {
    const entity = {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'node-service', namespace: 'default', title: 'Node.js service', uid: 'u1' },
      spec: {
        type: 'service',
        parameters: [{ title: 'About', properties: { name: { title: 'Service name', type: 'string' } } }],
        steps: [{ id: 'fetch', action: 'fetch:template', input: { url: './skeleton' } }],
      },
      relations: [],
    };
    const server = renderApp('/create/edit', {
      'catalog.getEntityByName': () => Response.json(entity),
      'scaffolder.getTemplateFiles': (request) => {
        expect(request.path).toBe('/api/scaffolder/v2/templates/default/template/node-service/files');
        return Response.json({
          files: [
            { path: 'skeleton/package.json', base64Content: btoa('{"name":"x"}\n') },
            { path: 'skeleton/logo.png', base64Content: btoa('\u0089PNG\u0000\u0001') },
          ],
          unread: [
            // biome-ignore lint/suspicious/noTemplateCurlyInString: `${{ }}` is template syntax, meant literally
            { stepId: 'docs', url: './${{ parameters.kind }}', reason: 'the URL depends on the form values' },
          ],
        });
      },
      'scaffolder.dryRun': () =>
        Response.json({ log: [], directoryContents: [], output: {}, steps: [], status: 'completed' }),
    });
    fireEvent.change(await screen.findByRole('textbox', { name: 'Template ref' }), {
      target: { value: 'template:default/node-service' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(await screen.findByDisplayValue('skeleton/package.json')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Content of skeleton/package.json' })).toHaveProperty(
      'value',
      '{"name":"x"}\n',
    );
    expect(screen.queryByDisplayValue('skeleton/README.md')).toBeNull();
    const notice = screen.getByRole('alert', { name: 'Template files' });
    expect(notice.textContent).toContain('Loaded 2 files of the template.');
    expect(notice.textContent).toContain('the URL depends on the form values');

    fireEvent.change(await screen.findByRole('textbox', { name: 'Service name' }), {
      target: { value: 'inv' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }));
    await screen.findByRole('region', { name: 'Dry-run result' });
    const body = server.requests.find((r) => r.route === 'scaffolder.dryRun')?.body as {
      directoryContents: { path: string; base64Content: string }[];
    };
    expect(body.directoryContents).toEqual([
      { path: 'skeleton/package.json', base64Content: btoa('{"name":"x"}\n') },
      { path: 'skeleton/logo.png', base64Content: btoa('\u0089PNG\u0000\u0001') },
    ]);
  });

  it.each([
    ['a missing task', 404, 'nope'],
    ['an id no task can have', 400, 'x'.repeat(101)],
  ])('says "Task not found" for %s', async (_, status, taskId) => {
    renderApp(`/create/tasks/${taskId}`, {
      'scaffolder.getTask': () =>
        Response.json(
          {
            error: {
              name: status === 404 ? 'NotFoundError' : 'InputError',
              message: 'Invalid path parameters: taskId: Too big',
            },
          },
          { status },
        ),
    });
    expect(await screen.findByText('Task not found')).toBeTruthy();
    expect(screen.queryByText(/Invalid path parameters/)).toBeNull();
  });

  it('lists past tasks with the names of their templates and creators, refs on hover', async () => {
    // Signed in as the guest, who has no catalog entity: the sign-in profile names them.
    const guest = parseRefreshResponse(
      'guest',
      {
        profile: { displayName: 'Guest' },
        backstageIdentity: {
          token: 'guest-token',
          expiresInSeconds: 3600,
          identity: { type: 'user', userEntityRef: 'user:development/guest', ownershipEntityRefs: [] },
        },
      },
      Date.now(),
    );
    sessionStorage.setItem('atrium.session', JSON.stringify(guest));
    const server = renderApp('/create/tasks', {
      'scaffolder.listTasks': () =>
        Response.json({
          tasks: [
            {
              id: 'abc12345-1',
              status: 'failed',
              createdAt: '2026-01-01T00:00:00Z',
              createdBy: 'user:default/ana',
              spec: { templateInfo: { entityRef: 'template:default/node-service' } },
            },
            {
              id: 'def67890-2',
              status: 'completed',
              createdAt: '2026-01-01T00:00:00Z',
              createdBy: 'user:development/guest',
              spec: { templateInfo: { entityRef: 'template:default/gone' } },
            },
          ],
          totalTasks: 2,
        }),
      // Ana has a display name; the guest and the deleted template are not in the catalog.
      'catalog.getEntitiesByRefs': (request) => {
        const { entityRefs } = request.body as { entityRefs: string[] };
        const known: Record<string, object> = {
          'user:default/ana': {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'ana', namespace: 'default' },
            spec: { profile: { displayName: 'Ana Lima' } },
          },
          'template:default/node-service': {
            apiVersion: 'scaffolder.backstage.io/v1beta3',
            kind: 'Template',
            metadata: { name: 'node-service', namespace: 'default', title: 'Node.js service' },
          },
        };
        return Response.json({ items: entityRefs.map((ref) => known[ref] ?? null) });
      },
    });
    const table = await screen.findByRole('table', { name: 'Tasks' });
    expect(await within(table).findByText('Failed')).toBeTruthy();
    const template = await within(table).findByRole('link', { name: 'Node.js service' });
    expect(template.getAttribute('href')).toBe('/catalog/default/template/node-service');
    expect(template.getAttribute('title')).toBe('template:default/node-service');
    const ana = within(table).getByRole('link', { name: 'Ana Lima' });
    expect(ana.getAttribute('href')).toBe('/catalog/default/user/ana');
    expect(ana.getAttribute('title')).toBe('user:default/ana');
    expect(within(table).getByRole('link', { name: 'Guest' }).getAttribute('title')).toBe(
      'user:development/guest',
    );
    // Not in the catalog: the ref, shortened, with the whole ref on hover.
    expect(within(table).getByRole('link', { name: 'gone' }).getAttribute('href')).toBe(
      '/catalog/default/template/gone',
    );
    expect(within(table).getByRole('link', { name: 'abc12345' }).getAttribute('href')).toBe(
      '/create/tasks/abc12345-1',
    );
    expect(server.requests.filter((r) => r.route === 'catalog.getEntitiesByRefs')).toHaveLength(1);
  });
});

describe('a failed task', () => {
  const failedTask = (error: Record<string, unknown>) => ({
    'scaffolder.getTask': () =>
      Response.json({
        id: 'task-9',
        status: 'failed',
        createdAt: '2026-01-01T00:00:00Z',
        spec: {
          steps: [{ id: 'publish', name: 'Publish', action: 'publish:git' }],
          templateInfo: { entityRef: 'template:default/node-service' },
        },
      }),
    'scaffolder.streamTaskEvents': () =>
      sseResponse(
        [
          {
            id: 1,
            type: 'log',
            body: { message: 'Beginning step Publish', stepId: 'publish', status: 'processing' },
          },
          { id: 2, type: 'completion', body: { message: 'Run completed with status: failed', error } },
        ].map((e) => ({
          ...e,
          taskId: 'task-9',
          createdAt: '2026-01-01T00:00:01Z',
          isTaskRecoverable: false,
        })),
      ),
  });

  it('that a retry cannot fix says so and offers to start over instead of Retry', async () => {
    const message =
      "Step 'publish' (Publish) failed: the repository file:///srv/git/taken.git already exists and has commits on branch 'main', which publishing would overwrite, so it was not changed. Run the template again with another name, or delete or empty that repository first.";
    renderApp('/create/tasks/task-9', failedTask({ name: 'StepFailedError', message, retryable: false }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain(
      "Running the task again would fail the same way: start over from the template's form.",
    );
    expect(screen.getByRole('link', { name: 'Start over' }).getAttribute('href')).toBe(
      '/create/templates/default/node-service',
    );
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('that a retry may fix offers Retry', async () => {
    renderApp('/create/tasks/task-9', failedTask({ name: 'StepFailedError', message: 'git timed out' }));
    expect((await screen.findByRole('alert')).textContent).toBe('git timed out');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Start over' })).toBeNull();
  });
});

describe('LogViewer', () => {
  it('keeps 10,000 lines cheap by rendering only the lines in view, following the end', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => ({
      key: String(i),
      id: i,
      message: `line ${i}`,
      createdAt: '',
    }));
    render(<LogViewer lines={lines} version={1} label="Log of all steps" />);
    const log = screen.getByRole('log', { name: 'Log of all steps' });
    expect(log.querySelectorAll('[data-log-line]').length).toBeLessThan(100);
    expect(within(log).getByText('line 9999')).toBeTruthy();
  });
});
