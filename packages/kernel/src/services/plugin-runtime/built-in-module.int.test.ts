import { createTestDatabase, startTestBackend, type TestBackend, type TestDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineModule } from '../../definitions/define-module.js';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';
import type { EventsService } from '../events/events-service.js';
import {
  type GreeterProbe,
  greeterPlugin,
  greetingModule,
  greetingsPoint,
} from './__fixtures__/greeter-plugin.js';
import type { PluginRuntimeService, PreparedPlugin } from './plugin-runtime-service.js';

const CLIENTS = 16;

// Here the greeter is a built-in plugin (backend.features) with one boot module; modules
// installed at runtime restart it as a generation while a neighbour plugin serves on.
function managerPlugin(kernel: { runtime?: PluginRuntimeService; events?: EventsService }) {
  return definePlugin({
    id: 'manager',
    deps: { runtime: coreServices.pluginRuntime, events: coreServices.events },
    init({ deps }) {
      Object.assign(kernel, deps);
    },
  });
}

async function activate(prepared: Promise<PreparedPlugin>): Promise<void> {
  const next = await prepared;
  await next.checkHealth();
  await next.activate();
}

describe.each(['sqlite', 'postgres'] as const)('modules for a built-in plugin on %s', (kind) => {
  let database: TestDatabase;
  let backend: TestBackend;
  const probe: GreeterProbe = { stopped: [], pings: [], taskRuns: [] };
  const kernel: { runtime?: PluginRuntimeService; events?: EventsService } = {};
  const runtime = () => kernel.runtime as PluginRuntimeService;
  const hello = async () => {
    const response = await backend.fetch('/api/greeter/hello');
    return {
      status: response.status,
      body: (await response.json()) as { greetings: string[]; rows: number },
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    backend = await startTestBackend({
      features: [managerPlugin(kernel), greeterPlugin('boot', probe), greetingModule('en', 'hello')],
      config: { backend: { database: database.config } },
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  it(`restarts only that plugin with the module, failing none of ${CLIENTS} clients' requests during the switch`, async () => {
    expect(await hello()).toEqual({
      status: 200,
      body: expect.objectContaining({ greetings: ['hello'], rows: 1 }),
    });
    let answered = 0;
    let switched = false;
    const failures: string[] = [];
    const client = async () => {
      while (!switched || answered < CLIENTS * 30) {
        const response = await backend.fetch('/api/greeter/hello?ms=5').catch((error: Error) => error);
        if (response instanceof Error || response.status !== 200)
          failures.push(response instanceof Error ? response.message : `status ${response.status}`);
        else await response.arrayBuffer();
        answered += 1;
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    while (answered < CLIENTS * 5) await new Promise((resolve) => setTimeout(resolve, 5));
    await activate(runtime().prepare({ features: [greetingModule('fr', 'bonjour')], version: '1.0.0' }));
    switched = true;
    await Promise.all(clients);

    expect(failures).toEqual([]);
    // A second init of the same plugin (its migration-created table got a second row), with both modules.
    expect((await hello()).body).toMatchObject({ greetings: ['hello', 'bonjour'], rows: 2 });
    // The boot-time instance stopped once its last request had finished, and let go of its subscription.
    expect(probe.stopped).toEqual([{ version: 'boot', inFlight: 0 }]);
    probe.pings.length = 0;
    await kernel.events?.publish({ topic: 'greeter.ping', eventPayload: {} });
    expect(probe.pings).toEqual(['boot']);
    expect(runtime().list()).toEqual([
      expect.objectContaining({
        pluginId: 'greeter',
        version: 'built-in',
        modules: ['greeter.en', 'greeter.fr'],
      }),
    ]);
  });

  it('keeps the serving generation when the restarted one fails to start, and refuses to stop or purge a built-in', async () => {
    const broken = defineModule({
      plugin: 'greeter',
      id: 'broken',
      deps: {},
      extensionPoints: { greetings: greetingsPoint },
      init() {
        throw new Error('the module cannot start');
      },
    });
    await expect(runtime().prepare({ features: [broken], version: '1.0.0' })).rejects.toMatchObject({
      code: 'PLUGIN_INIT_FAILED',
      message: expect.stringContaining('the module cannot start'),
    });
    expect((await hello()).body.greetings).toEqual(['hello', 'bonjour']);
    await expect(runtime().stop('greeter', 'no')).rejects.toMatchObject({ code: 'PLUGIN_BUILT_IN' });
    await expect(runtime().purge('greeter')).rejects.toMatchObject({ code: 'PLUGIN_BUILT_IN' });
    expect((await hello()).status).toBe(200);
  });

  it('restarts it without the module when the module is removed; the boot modules stay', async () => {
    const before = probe.stopped.length;
    await activate(runtime().prepareWithout('greeter', ['greeter.fr']));
    expect((await hello()).body.greetings).toEqual(['hello']);
    expect(probe.stopped).toHaveLength(before + 1);
    expect(runtime().list()[0]).toMatchObject({ pluginId: 'greeter', modules: ['greeter.en'] });
    probe.pings.length = 0;
    await kernel.events?.publish({ topic: 'greeter.ping', eventPayload: {} });
    expect(probe.pings).toEqual(['boot']);
  });
});
