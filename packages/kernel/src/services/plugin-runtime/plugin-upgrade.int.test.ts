import { createTestDatabase, startTestBackend, type TestBackend, type TestDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';
import type { EventsService } from '../events/events-service.js';
import { type GreeterProbe, greeterPlugin } from './__fixtures__/greeter-plugin.js';
import type { PluginRuntimeService } from './plugin-runtime-service.js';

const CLIENTS = 16;
const REQUESTS_PER_CLIENT = 40;

function managerPlugin(kernel: { runtime?: PluginRuntimeService; events?: EventsService }) {
  return definePlugin({
    id: 'manager',
    deps: { runtime: coreServices.pluginRuntime, events: coreServices.events },
    init({ deps }) {
      Object.assign(kernel, deps);
    },
  });
}

async function upgrade(runtime: PluginRuntimeService, version: string, probe: GreeterProbe) {
  const next = await runtime.prepare({ features: [greeterPlugin(version, probe)], version });
  await next.checkHealth();
  await next.activate();
}

/** Counts of the handles (timers, sockets…) that keep the process alive, by type. */
function activeHandles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

describe.each(['sqlite', 'postgres'] as const)('plugin upgrades on %s', (kind) => {
  let database: TestDatabase;
  let backend: TestBackend;
  const kernel: { runtime?: PluginRuntimeService; events?: EventsService } = {};
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

  it(`fails no request of ${CLIENTS} concurrent clients while the plugin is upgraded three times`, async () => {
    const probe: GreeterProbe = { stopped: [], pings: [], taskRuns: [] };
    await upgrade(runtime(), '1.0.0', probe);
    let answered = 0;
    const failures: string[] = [];
    const client = async () => {
      const seen: string[] = [];
      for (let i = 0; i < REQUESTS_PER_CLIENT; i++) {
        const response = await backend.fetch('/api/greeter/hello?ms=10').catch((error: Error) => error);
        if (response instanceof Error || response.status !== 200)
          failures.push(response instanceof Error ? response.message : `status ${response.status}`);
        else seen.push(((await response.json()) as { version: string }).version);
        answered += 1;
      }
      return seen;
    };
    const clients = Array.from({ length: CLIENTS }, client);
    const waitFor = async (count: number) => {
      while (answered < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    for (const [index, version] of ['2.0.0', '3.0.0', '4.0.0'].entries()) {
      await waitFor((index + 1) * 120);
      await upgrade(runtime(), version, probe);
    }
    const sequences = await Promise.all(clients);

    expect(failures).toEqual([]);
    expect(answered).toBe(CLIENTS * REQUESTS_PER_CLIENT);
    const order = ['1.0.0', '2.0.0', '3.0.0', '4.0.0'];
    expect(new Set(sequences.flat())).toEqual(new Set(order));
    // The switch is atomic: once a client got a newer version it never gets an older one.
    for (const seen of sequences) {
      const ranks = seen.map((v) => order.indexOf(v));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    // Each old generation stopped only after its last in-flight request had finished.
    expect(probe.stopped).toEqual(order.slice(0, 3).map((version) => ({ version, inFlight: 0 })));
    await runtime().stop('greeter', 'test done');
  });

  it('leaves no timers, sockets, subscriptions or tasks behind after 20 prepare/activate/stop cycles', async () => {
    const probe: GreeterProbe = { stopped: [], pings: [], taskRuns: [] };
    const cycle = async (version: string) => {
      await upgrade(runtime(), version, probe);
      expect((await backend.fetch('/api/greeter/hello')).status).toBe(200);
      await runtime().stop('greeter', 'cycle');
    };
    for (const n of [1, 2]) await cycle(`0.0.${n}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = activeHandles();
    for (let n = 1; n <= 20; n++) await cycle(`1.0.${n}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = activeHandles();

    expect(probe.stopped).toHaveLength(22);
    // Fetch's keep-alive sockets come and go; a leak grows with the cycles (20 here), not by one or two.
    for (const [type, count] of after) expect(count, type).toBeLessThanOrEqual((before.get(type) ?? 0) + 2);
    probe.pings.length = 0;
    await kernel.events?.publish({ topic: 'greeter.ping', eventPayload: {} });
    expect(probe.pings).toEqual([]);
    probe.taskRuns.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(probe.taskRuns).toEqual([]);
  });
});
