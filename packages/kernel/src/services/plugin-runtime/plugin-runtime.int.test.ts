import { createTestDatabase, startTestBackend, type TestBackend, type TestDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';
import type { EventsService } from '../events/events-service.js';
import type { InstanceMetadataService } from '../metadata/metadata-service.js';
import { type GreeterProbe, greeterPlugin, greetingModule } from './__fixtures__/greeter-plugin.js';
import type { PluginRuntimeService } from './plugin-runtime-service.js';

interface Kernel {
  runtime: PluginRuntimeService;
  events: EventsService;
  instance: InstanceMetadataService;
}

/** A built-in plugin that hands the test the runtime, as the plugins manager would get it. */
function managerPlugin(kernel: Partial<Kernel>) {
  return definePlugin({
    id: 'manager',
    deps: {
      runtime: coreServices.pluginRuntime,
      events: coreServices.events,
      instance: coreServices.instanceMetadata,
      http: coreServices.httpRouter,
    },
    init({ deps }) {
      Object.assign(kernel, deps);
      deps.http.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      deps.http.useFastify((app) => {
        app.get('/ping', async () => ({ ok: true }));
      });
    },
  });
}

const newProbe = (): GreeterProbe => ({ stopped: [], pings: [], taskRuns: [] });

async function hello(backend: TestBackend, query = '') {
  const response = await backend.fetch(`/api/greeter/hello${query}`);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe.each(['sqlite', 'postgres'] as const)('plugin runtime on %s', (kind) => {
  let database: TestDatabase;
  let backend: TestBackend;
  const kernel: Partial<Kernel> = {};
  const runtime = () => kernel.runtime as PluginRuntimeService;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    backend = await startTestBackend({
      features: [managerPlugin(kernel)],
      config: { backend: { database: database.config } },
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  it('prepares beside the backend, serves on activate, and answers PLUGIN_DISABLED after stop', async () => {
    const probe = newProbe();
    const prepared = await runtime().prepare({ features: [greeterPlugin('1.0.0', probe)], version: '1.0.0' });
    expect((await hello(backend)).status).toBe(404);
    await prepared.checkHealth();
    await prepared.activate();

    const served = await hello(backend);
    expect(served).toMatchObject({ status: 200, body: { version: '1.0.0', greeting: 'hello', rows: 1 } });
    expect(served.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const post = (token?: string, text = 'hi') =>
      backend.fetch('/api/greeter/echo', {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
    expect((await post()).status).toBe(401);
    const echoed = await post(await backend.userToken());
    expect(await echoed.json()).toEqual({ text: '1.0.0: hi (ALLOW)', caller: 'user:default/test-user' });
    const invalid = await post(await backend.userToken(), 'x'.repeat(101));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { request: { url: string } }).request.url).toBe('/echo');
    const openApi = (await (await backend.fetch('/api/greeter/openapi.json')).json()) as { paths: object };
    expect(Object.keys(openApi.paths)).toContain('/hello');
    expect(runtime().list()).toMatchObject([{ pluginId: 'greeter', version: '1.0.0', state: 'serving' }]);
    expect(kernel.instance?.getInstalledPlugins().map((p) => p.id)).toContain('greeter');
    expect((await backend.fetch('/api/manager/ping')).status).toBe(200);
    // Paths no route serves answer exactly as before runtime plugins existed.
    for (const path of ['/api/nothing-here', '/api/manager/nope'])
      expect(await (await backend.fetch(path)).json()).toEqual({
        error: { name: 'NotFoundError', message: `No route for GET ${path}`, code: 'NOT_FOUND' },
        request: { method: 'GET', url: path },
        response: { statusCode: 404 },
      });

    await runtime().stop('greeter', 'disabled by an admin');
    const disabled = await hello(backend);
    expect(disabled.status).toBe(404);
    expect(disabled.body).toMatchObject({
      error: { code: 'PLUGIN_DISABLED', message: expect.stringContaining("plugin 'greeter' is disabled") },
    });
    expect(probe.stopped).toEqual([{ version: '1.0.0', inFlight: 0 }]);
    expect(runtime().list()).toMatchObject([
      { pluginId: 'greeter', state: 'stopped', reason: 'disabled by an admin' },
    ]);
    expect(kernel.instance?.getInstalledPlugins().map((p) => p.id)).not.toContain('greeter');

    // Enabling again is one more prepare and activate.
    await (
      await runtime().prepare({ features: [greeterPlugin('1.0.1', probe)], version: '1.0.1' })
    ).activate();
    expect((await hello(backend)).body.version).toBe('1.0.1');
    expect(runtime().list()).toMatchObject([{ pluginId: 'greeter', version: '1.0.1', state: 'serving' }]);
    await runtime().stop('greeter', 'test done');
  });

  it('upgrades with the data kept, and releases the old generation’s subscriptions and tasks', async () => {
    const probe = newProbe();
    const first = await runtime().prepare({ features: [greeterPlugin('1.0.0', probe)], version: '1.0.0' });
    await first.activate();
    const second = await runtime().prepare({
      features: [greeterPlugin('2.0.0', probe)],
      version: '2.0.0',
      config: { greeting: 'hi' },
    });
    expect((await hello(backend)).body.version).toBe('1.0.0');
    await second.checkHealth();
    await second.activate();
    expect((await hello(backend)).body).toMatchObject({ version: '2.0.0', greeting: 'hi' });
    // Every generation wrote to the same plugin database (the first test's two, and these two).
    expect((await hello(backend)).body.rows).toBe(4);
    expect(probe.stopped.map((s) => s.version)).toEqual(['1.0.0']);

    probe.pings.length = 0;
    await kernel.events?.publish({ topic: 'greeter.ping', eventPayload: {} });
    expect(probe.pings).toEqual(['2.0.0']);
    probe.taskRuns.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(new Set(probe.taskRuns)).toEqual(new Set(['2.0.0']));
    await expect(first.activate()).rejects.toMatchObject({ code: 'PLUGIN_GENERATION_CLOSED' });
    await runtime().stop('greeter', 'test done');
  });

  it('keeps the old version serving when the new one’s init throws or its health check fails', async () => {
    const probe = newProbe();
    await (
      await runtime().prepare({ features: [greeterPlugin('1.0.0', probe)], version: '1.0.0' })
    ).activate();

    const failedInit = runtime().prepare({
      features: [greeterPlugin('2.0.0', probe, { initError: 'the API key is missing' })],
      version: '2.0.0',
    });
    await expect(failedInit).rejects.toMatchObject({
      code: 'PLUGIN_INIT_FAILED',
      message: expect.stringMatching(
        /plugin 'greeter' version 2\.0\.0 failed to start: .*the API key is missing/,
      ),
    });
    expect((await hello(backend)).body.version).toBe('1.0.0');

    const unhealthy = await runtime().prepare({
      features: [greeterPlugin('3.0.0', probe, { healthError: 'upstream is down' })],
      version: '3.0.0',
    });
    await expect(unhealthy.checkHealth()).rejects.toMatchObject({
      code: 'PLUGIN_HEALTH_FAILED',
      message: expect.stringContaining(
        "plugin 'greeter' version 3.0.0 failed its health check: upstream is down",
      ),
    });
    await unhealthy.discard();
    expect(probe.stopped.map((s) => s.version)).toEqual(['3.0.0']);
    expect((await hello(backend)).body.version).toBe('1.0.0');
    probe.pings.length = 0;
    await kernel.events?.publish({ topic: 'greeter.ping', eventPayload: {} });
    expect(probe.pings).toEqual(['1.0.0']);

    const badConfig = runtime().prepare({
      features: [greeterPlugin('4.0.0', probe)],
      version: '4.0.0',
      config: { greeting: 42 },
    });
    await expect(badConfig).rejects.toMatchObject({
      code: 'PLUGIN_INIT_FAILED',
      message: expect.stringContaining('greeter.greeting'),
    });
    expect((await hello(backend)).body.version).toBe('1.0.0');
    await runtime().stop('greeter', 'test done');
  });

  it('re-prepares a runtime plugin with a module added, serving the old one until the switch', async () => {
    const probe = newProbe();
    await (
      await runtime().prepare({
        features: [greeterPlugin('1.0.0', probe), greetingModule('en', 'hello')],
        version: '1.0.0',
      })
    ).activate();
    expect((await hello(backend)).body.greetings).toEqual(['hello']);
    const extended = await runtime().prepare({
      features: [greetingModule('fr', 'bonjour')],
      version: '1.0.0',
    });
    expect((await hello(backend)).body.greetings).toEqual(['hello']);
    await extended.activate();
    expect((await hello(backend)).body.greetings).toEqual(['hello', 'bonjour']);
    expect(
      runtime()
        .list()
        .find((p) => p.pluginId === 'greeter')?.modules,
    ).toEqual(['greeter.en', 'greeter.fr']);
    await runtime().stop('greeter', 'test done');
  });

  it('refuses built-in plugin ids, several plugins, and stopping what does not run', async () => {
    const builtIn = definePlugin({ id: 'manager', deps: {}, init: () => undefined });
    await expect(runtime().prepare({ features: [builtIn], version: '1' })).rejects.toMatchObject({
      code: 'PLUGIN_BUILT_IN',
    });
    const two = [
      greeterPlugin('1', newProbe()),
      definePlugin({ id: 'other', deps: {}, init: () => undefined }),
    ];
    await expect(runtime().prepare({ features: two, version: '1' })).rejects.toMatchObject({
      code: 'PLUGIN_RUNTIME_INVALID',
    });
    await expect(runtime().stop('nope', 'x')).rejects.toMatchObject({ code: 'PLUGIN_NOT_RUNNING' });
    const rootRoutes = definePlugin({
      id: 'root-routes',
      deps: { root: coreServices.rootHttpRouter },
      init: ({ deps }) => deps.root.use('/x', () => undefined),
    });
    await expect(runtime().prepare({ features: [rootRoutes], version: '1' })).rejects.toMatchObject({
      code: 'PLUGIN_INIT_FAILED',
      message: expect.stringContaining('rootHttpRouter'),
    });
    expect((await backend.fetch('/x')).status).toBe(404);
  });
});
