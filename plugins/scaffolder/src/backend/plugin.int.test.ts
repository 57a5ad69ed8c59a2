// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Entity } from '@atrium/catalog-model';
import type { JsonObject } from '@atrium/kernel';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { SerializedTask, SerializedTaskEvent } from '../common/index.js';
import { readTaskRowDirectly } from './__fixtures__/db-inspect.js';
import { readEventStream } from './__fixtures__/read-event-stream.js';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
  templateEntity,
} from './__fixtures__/scaffolder-test-backend.js';
import { helloRuns, testActionsModule } from './__fixtures__/test-module.js';
import { writeTree } from './__fixtures__/write-tree.js';

let fixtures: string;
// The file startScaffolderBackend registers the 'hello' template from.
const helloFileUrl = () => pathToFileURL(join(fixtures, 'template-hello.yaml')).href;

function entities() {
  return [
    templateEntity('hello', {
      parameters: [
        {
          title: 'Basics',
          required: ['name'],
          properties: { name: { type: 'string', minLength: 2, 'ui:autofocus': true } },
        },
        { when: '${{ parameters.name }}', properties: { count: { type: 'number' } } },
      ],
      steps: [
        {
          id: 'skeleton',
          name: 'Fetch skeleton',
          action: 'fetch:template',
          input: { url: './skeleton', values: { name: '${{ parameters.name }}' } },
        },
        { id: 'greet', action: 'acme:hello', input: { name: '${{ parameters.name | shout }}' } },
        { id: 'list', action: 'fs:readdir', input: { paths: ['.'] } },
      ],
      output: {
        greeting: '${{ steps.greet.output.greeting }}',
        files: '${{ steps.list.output.files }}',
        links: [
          { title: 'Repo', url: 'https://example.com/${{ parameters.name }}' },
          { title: 'Hidden', url: 'x', if: '${{ false }}' },
        ],
      },
    }),
    templateEntity('waiter', {
      steps: [
        {
          id: 'wait',
          name: 'Wait',
          action: 'debug:wait',
          input: { milliseconds: '${{ secrets.wait | int }}' },
        },
        { id: 'after', action: 'debug:log', input: { message: 'done waiting' } },
      ],
    }),
    templateEntity('secretive', {
      secrets: { schema: { required: ['token'], properties: { token: { type: 'string', minLength: 8 } } } },
      steps: [{ id: 'greet', action: 'acme:hello', input: { name: 'secret ${{ secrets.token }}' } }],
      output: { greeting: '${{ steps.greet.output.greeting }}' },
    }),
    templateEntity('broken', {
      steps: [
        { id: 'first', action: 'debug:log', input: { message: 'should not run' } },
        { id: 'publish', name: 'Publish', action: 'publish:nowhere', input: { to: 'x' } },
      ],
    }),
    templateEntity('register', {
      steps: [
        {
          id: 'register',
          action: 'catalog:register',
          input: { catalogInfoUrl: '${{ parameters.url }}' },
        },
        { id: 'fetch', action: 'catalog:fetch', input: { entityRef: 'template:hello' } },
      ],
      output: {
        entityRef: '${{ steps.register.output.entityRef }}',
        fetched: '${{ steps.fetch.output.entity.metadata.name }}',
      },
    }),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'test-user', namespace: 'default' },
      spec: { memberOf: [] },
    },
  ] as Entity[];
}

beforeAll(async () => {
  fixtures = await writeTree({
    'skeleton/README.md': '# ${{ values.name }}\n',
    'skeleton/src/${{ values.name }}.js': 'export {};\n',
    'register/catalog-info.yaml': stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'created-service' },
      spec: { type: 'service', owner: 'me', lifecycle: 'production' },
    }),
  });
});

describe.each(testDatabaseKinds())('scaffolder plugin on %s', (kind) => {
  let backend: ScaffolderTestBackend;
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind, {
      sqliteDirectory: await mkdtemp(join(tmpdir(), 'atrium-scaffolder-db-')),
    });
    backend = await startScaffolderBackend({
      entities: entities(),
      database: database.config,
      fixturesDir: fixtures,
      features: [testActionsModule],
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  const logOf = (events: SerializedTaskEvent[]) =>
    events
      .filter((e) => e.type === 'log')
      .map((e) => e.body as { message: string; stepId?: string; status?: string });

  it('runs a template from the catalog end to end', async () => {
    const id = await backend.createTask('template:default/hello', { name: 'svc' });
    const { task, events } = await backend.waitForTask(id);
    if (task.status !== 'completed') console.log(JSON.stringify(events, null, 1));
    expect(task).toMatchObject({ id, status: 'completed', createdBy: 'user:default/test-user' });
    expect(task.spec).toMatchObject({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      parameters: { name: 'svc' },
      user: { ref: 'user:default/test-user' },
      templateInfo: { entityRef: 'template:default/hello', baseUrl: helloFileUrl() },
    });
    expect(task.spec.user.entity).toMatchObject({ kind: 'User', metadata: { name: 'test-user' } });
    expect(task.spec.steps.map((s) => [s.id, s.name])).toEqual([
      ['skeleton', 'Fetch skeleton'],
      ['greet', 'acme:hello'],
      ['list', 'fs:readdir'],
    ]);
    const completion = events.at(-1);
    expect(completion).toMatchObject({
      type: 'completion',
      body: {
        message: 'Run completed with status: completed',
        output: { greeting: 'hello SVC!', links: [{ title: 'Repo', url: 'https://example.com/svc' }] },
      },
    });
    const ids = events.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(helloRuns.find((r) => r.taskId === id)).toEqual({
      taskId: id,
      user: 'user:default/test-user',
      template: 'template:default/hello',
      baseUrl: helloFileUrl(),
      dryRun: false,
    });
  });

  it('stores the template file itself as templateInfo.baseUrl, as Backstage does, and ./skeleton resolves beside it', async () => {
    const id = await backend.createTask('template:default/hello', { name: 'base' });
    await backend.waitForTask(id);
    const { status, body } = await backend.api<SerializedTask>(`/v2/tasks/${id}`);
    expect(status).toBe(200);
    // The file the catalog read the template from (backstage.io/managed-by-location), not its folder.
    expect(body.spec.templateInfo.baseUrl).toBe(helloFileUrl());
    expect(body.status).toBe('completed');
    const { body: events } = await backend.api<SerializedTaskEvent[]>(`/v2/tasks/${id}/events`);
    const completion = events.at(-1)?.body as { output?: { files?: Array<{ name: string }> } } | undefined;
    expect(completion?.output?.files?.map((file) => file.name)).toEqual(['README.md']);
  });

  it('answers 400 { errors } in the ValidationError shape for values failing the parameter pages', async () => {
    const missing = await backend.api<{ errors: JsonObject[] }>('/v2/tasks', {
      body: { templateRef: 'hello', values: { count: 'x' } },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: [],
          property: 'instance',
          message: 'requires property "name"',
          name: 'required',
          argument: 'name',
          stack: 'instance requires property "name"',
        }),
        expect.objectContaining({
          path: ['count'],
          property: 'instance.count',
          message: 'is not of a type(s) number',
          name: 'type',
        }),
      ]),
    );
    const short = await backend.api<{ errors: JsonObject[] }>('/v2/tasks', {
      body: { templateRef: 'hello', values: { name: 'x' } },
    });
    expect(short.body.errors[0]).toMatchObject({
      property: 'instance.name',
      message: 'does not meet minimum length of 2',
    });
  });

  it('validates secrets against spec.secrets.schema, stores them encrypted and never in logs', async () => {
    const noSecret = await backend.api<{ errors: JsonObject[] }>('/v2/tasks', {
      body: { templateRef: 'secretive', values: {} },
    });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.errors[0]).toMatchObject({ message: 'secrets.token is required' });
    const token = 'tok-0123456789-very-secret';
    const id = await backend.createTask('secretive', {}, { token });
    const { task, events } = await backend.waitForTask(id);
    expect(task.status).toBe('completed');
    const dump = JSON.stringify({ task, events });
    expect(dump).not.toContain(token);
    expect(logOf(events).map((l) => l.message)).toContain('calling with token ***');
    // The name was built from the secret, so it is masked whole.
    expect(events.at(-1)?.body).toMatchObject({ output: { greeting: 'hello ***' } });
    const row = await readTaskRowDirectly(database, id);
    expect(row?.secrets).toBeNull();
    expect(row?.spec).not.toContain(token);
  });

  it('checks the secrets of a retry against spec.secrets.schema too', async () => {
    const id = await backend.createTask('secretive', {}, { token: 'tok-0123456789' });
    expect((await backend.waitForTask(id)).task.status).toBe('completed');
    const retried = await backend.api<{ errors: JsonObject[] }>(`/v2/tasks/${id}/retry`, {
      body: { secrets: { token: 'short' } },
    });
    expect(retried.status).toBe(400);
    expect(retried.body.errors[0]).toMatchObject({
      property: 'secrets.token',
      message: 'does not meet minimum length of 8',
    });
    expect((await backend.api<SerializedTask>(`/v2/tasks/${id}`)).body.status).toBe('completed');
    const again = await backend.api(`/v2/tasks/${id}/retry`, {
      body: { secrets: { token: 'tok-9876543210' } },
    });
    expect(again.status).toBe(201);
    expect((await backend.waitForTask(id)).task.status).toBe('completed');
  });

  it('fails a template with an unknown action before any step runs, keeping the log', async () => {
    const id = await backend.createTask('broken');
    const { task, events } = await backend.waitForTask(id);
    expect(task.status).toBe('failed');
    const log = logOf(events);
    expect(log.map((l) => l.message)).not.toContain('should not run');
    expect(log.find((l) => l.stepId === 'publish')).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(
        /^Step 'publish' \(Publish\) failed: action 'publish:nowhere' is not installed/,
      ),
    });
    expect(events.at(-1)?.body).toMatchObject({
      message: 'Run completed with status: failed',
      error: { name: 'InputError' },
    });
  });

  it('registers and fetches catalog entities as the user', async () => {
    const url = pathToFileURL(join(fixtures, 'register/catalog-info.yaml')).href;
    const id = await backend.createTask('register', { url });
    const { task, events } = await backend.waitForTask(id);
    if (task.status !== 'completed') console.log(JSON.stringify(events, null, 1));
    expect(task.status).toBe('completed');
    expect(events.at(-1)?.body).toMatchObject({
      output: { entityRef: 'component:default/created-service', fetched: 'hello' },
    });
    const { body: locations } =
      await backend.api<Array<{ data: { type: string; target: string } }>>('/api/catalog/locations');
    // A file: URL is registered as a file location (url locations are http(s) only).
    expect(locations.map((l) => l.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'file', target: join(fixtures, 'register/catalog-info.yaml') }),
      ]),
    );
  });

  it('streams events as SSE, resumable with after, closing after the completion', async () => {
    const id = await backend.createTask('waiter', {}, { wait: '300' });
    const stream = await readEventStream(backend.url, backend.token, id);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.headers.get('cache-control')).toBe('no-cache');
    expect(stream.raw).not.toMatch(/^id:/m);
    expect(stream.raw.startsWith('event: log\ndata: {')).toBe(true);
    const types = stream.events.map((e) => e.event);
    expect(types.at(-1)).toBe('completion');
    expect(stream.events.every((e) => e.event === e.data.type && e.data.taskId === id)).toBe(true);
    const third = stream.events[2]!.data.id;
    const resumed = await readEventStream(backend.url, backend.token, id, { after: third });
    expect(resumed.events.map((e) => e.data.id)).toEqual(stream.events.slice(3).map((e) => e.data.id));
    const afterEnd = await readEventStream(backend.url, backend.token, id, {
      after: stream.events.at(-1)!.data.id,
      timeoutMs: 5000,
    });
    expect(afterEnd.events).toEqual([]);
    expect((await readEventStream(backend.url, backend.token, 'no-such-task')).status).toBe(404);
    expect((await readEventStream(backend.url, 'not-a-token', id)).status).toBe(401);
    const bad = await backend.fetch(`/api/scaffolder/v2/tasks/${id}/eventstream?after=-1`, {
      token: backend.token,
    });
    expect(bad.status).toBe(400);
  });

  it('declares the event stream in its API, so the OpenAPI document lists it', async () => {
    const response = await backend.fetch('/api/scaffolder/openapi.json');
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(document.paths['/v2/tasks/{taskId}/eventstream']?.get).toMatchObject({
      operationId: 'streamTaskEvents',
      parameters: [
        { name: 'taskId', in: 'path', required: true },
        { name: 'after', in: 'query', required: false },
      ],
    });
  });

  it('long-polls /events: new events at once, [] once finished', async () => {
    const id = await backend.createTask('waiter', {}, { wait: '200' });
    const first = await backend.api<SerializedTaskEvent[]>(`/v2/tasks/${id}/events`);
    expect(first.body.length).toBeGreaterThan(0);
    const { events } = await backend.waitForTask(id);
    const after = await backend.api<SerializedTaskEvent[]>(`/v2/tasks/${id}/events?after=${events[1]!.id}`);
    expect(after.body.map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
  });

  it('cancels a running task: the action is aborted and the task ends cancelled', async () => {
    const id = await backend.createTask('waiter', {}, { wait: '60000' });
    await waitForStatus(backend, id, 'processing');
    // The duration comes from a secret, so even it is masked in the log.
    await waitForLog(backend, id, 'Waiting *** ms');
    const started = Date.now();
    const cancelled = await backend.api<{ status: string }>(`/v2/tasks/${id}/cancel`, { method: 'POST' });
    expect(cancelled).toEqual({ status: 200, body: { status: 'cancelled' } });
    const { task, events } = await backend.waitForTask(id);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(task.status).toBe('cancelled');
    expect(events.map((e) => e.type)).toContain('cancelled');
    expect(logOf(events).find((l) => l.stepId === 'wait' && l.status === 'cancelled')?.message).toBe(
      'Step wait has been cancelled.',
    );
    expect(logOf(events).some((l) => l.stepId === 'after')).toBe(false);
    expect(events.at(-1)?.body).toEqual({ message: 'Run completed with status: cancelled' });
    const again = await backend.api(`/v2/tasks/${id}/cancel`, { method: 'POST' });
    expect(again.status).toBe(409);

    const retried = await backend.api<{ id: string }>(`/v2/tasks/${id}/retry`, {
      body: { secrets: { wait: '1' } },
    });
    expect(retried).toEqual({ status: 201, body: { id } });
    const second = await backend.waitForTask(id);
    expect(second.task.status).toBe('completed');
    const types = second.events.map((e) => e.type);
    expect(types).toContain('recovered');
    expect(types.filter((t) => t === 'completion')).toHaveLength(1);
    expect(types).not.toContain('cancelled');
    // Two retries of one finished task at once: one reopens it, the other is told it is not finished.
    const twice = await Promise.all(
      [1, 2].map(() => backend.api(`/v2/tasks/${id}/retry`, { body: { secrets: { wait: '1' } } })),
    );
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    const third = await backend.waitForTask(id);
    expect(third.task.status).toBe('completed');
    // One 'recovered' from each retry that reopened it: the first one above and one of these two.
    expect(third.events.filter((e) => e.type === 'recovered')).toHaveLength(2);
    const busy = await backend.api(
      `/v2/tasks/${await backend.createTask('waiter', {}, { wait: '2000' })}/retry`,
      { body: {} },
    );
    expect(busy.status).toBe(409);
  });

  it('lists tasks with filters, order and paging', async () => {
    const all = await backend.api<{ tasks: SerializedTask[]; totalTasks: number }>(
      '/v2/tasks?order=asc:created_at',
    );
    expect(all.status).toBe(200);
    expect(all.body.totalTasks).toBe(all.body.tasks.length);
    const created = all.body.tasks.map((t) => t.createdAt);
    expect([...created].sort()).toEqual(created);
    const failed = await backend.api<{ tasks: SerializedTask[]; totalTasks: number }>(
      '/v2/tasks?status=failed&status=cancelled',
    );
    expect(failed.body.tasks.every((t) => ['failed', 'cancelled'].includes(t.status))).toBe(true);
    const mine = await backend.api<{ tasks: SerializedTask[]; totalTasks: number }>(
      '/v2/tasks?createdBy=user:default/test-user&limit=2&offset=1',
    );
    expect(mine.body.tasks).toHaveLength(2);
    expect(mine.body.totalTasks).toBe(all.body.totalTasks);
    expect((await backend.api('/v2/tasks?order=sideways')).status).toBe(400);
    expect((await backend.api('/v2/tasks/no-such-task')).status).toBe(404);
  });

  it('serves the parameter schema at namespace/kind/name', async () => {
    const { status, body } = await backend.api('/v2/templates/default/template/hello/parameter-schema');
    expect(status).toBe(200);
    expect(body).toEqual({
      title: 'hello',
      steps: [
        {
          title: 'Basics',
          schema: {
            title: 'Basics',
            required: ['name'],
            properties: { name: { type: 'string', minLength: 2, 'ui:autofocus': true } },
          },
        },
        {
          title: 'Please enter the following information',
          when: '${{ parameters.name }}',
          schema: { properties: { count: { type: 'number' } } },
        },
      ],
    });
    expect((await backend.api('/v2/templates/template/default/hello/parameter-schema')).status).toBe(404);
  });

  it('answers 400 InputError, as Backstage does, for an entity that is not a Template', async () => {
    const notTemplate = await backend.api<{ error: { name: string; message: string } }>(
      '/v2/templates/default/user/test-user/parameter-schema',
    );
    expect(notTemplate.status).toBe(400);
    expect(notTemplate.body.error.name).toBe('InputError');
    expect(notTemplate.body.error.message).toContain("'user:default/test-user'");
    const missing = await backend.api('/v2/templates/default/user/nobody/parameter-schema');
    expect(missing.status).toBe(404);
  });

  it('lists actions sorted by id with JSON Schemas, templating extensions and autocomplete', async () => {
    const { body: actions } =
      await backend.api<Array<{ id: string; schema: { input?: JsonObject } }>>('/v2/actions');
    const ids = actions.map((a) => a.id);
    expect(ids).toEqual([...ids].sort());
    for (const id of [
      'acme:hello',
      'catalog:fetch',
      'catalog:register',
      'catalog:write',
      'debug:log',
      'debug:wait',
      'fetch:plain',
      'fetch:plain:file',
      'fetch:template',
      'fetch:template:file',
      'fs:delete',
      'fs:readdir',
      'fs:rename',
      'publish:git',
    ]) {
      expect(ids).toContain(id);
    }
    expect(actions.find((a) => a.id === 'publish:git')?.schema.input).toMatchObject({
      type: 'object',
      required: ['remoteUrl'],
    });
    const { body: extensions } = await backend.api<{
      filters: JsonObject;
      globals: { functions: JsonObject };
    }>('/v2/templating-extensions');
    expect(Object.keys(extensions.filters)).toEqual(
      expect.arrayContaining(['parseRepoUrl', 'parseEntityRef', 'pick', 'projectSlug', 'shout']),
    );
    expect(Object.keys(extensions.globals.functions)).toEqual(['always', 'failure']);
    const unknown = await backend.api<{ error: { message: string } }>(
      '/v2/autocomplete/github/repositories',
      { body: { token: 't', context: {} } },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      "autocomplete provider 'github' is not installed (installed: 'acme')",
    );
    const known = await backend.api('/v2/autocomplete/acme/repos', {
      body: { token: 't', context: { q: 'x' } },
    });
    expect(known).toEqual({ status: 200, body: { results: [{ id: 'repos:x', title: 'A' }] } });
  });

  it('requires a credential', async () => {
    const response = await backend.fetch('/api/scaffolder/v2/tasks');
    expect(response.status).toBe(401);
  });
});

async function waitForStatus(backend: ScaffolderTestBackend, id: string, status: string) {
  for (let i = 0; i < 200; i++) {
    if ((await backend.api<SerializedTask>(`/v2/tasks/${id}`)).body.status === status) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`task ${id} never reached ${status}`);
}

async function waitForLog(backend: ScaffolderTestBackend, id: string, message: string) {
  for (let i = 0; i < 200; i++) {
    const { body } = await backend.api<SerializedTaskEvent[]>(`/v2/tasks/${id}/events`);
    if (body.some((e) => (e.body as { message?: string }).message === message)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`task ${id} never logged ${message}`);
}
