import { defineHttpApi } from '@atrium/http-api';
import { coreServices, definePlugin, type PluginRuntimeService } from '@atrium/kernel';
import { z } from 'zod';

const workApi = defineHttpApi({
  routes: {
    work: {
      method: 'GET',
      path: '/work',
      access: 'public',
      query: z.object({ ms: z.coerce.number().int().min(0).max(1000) }),
      response: z.object({ version: z.string() }),
    },
  },
});

/**
 * A runtime plugin with the services a real one uses (migrations, events, a scheduled
 * task, a metric) and a route that holds a request for `ms`, so requests are in flight
 * when a switch happens.
 */
export function runtimeBenchPlugin(version: string) {
  let pings = 0;
  let ticks = 0;
  return definePlugin({
    id: 'bench-runtime',
    apis: [workApi],
    migrations: {
      '0001_versions': {
        up: (db) => db.schema.createTable('versions').addColumn('version', 'varchar(64)').execute(),
      },
    },
    deps: {
      http: coreServices.httpRouter,
      db: coreServices.database,
      events: coreServices.events,
      scheduler: coreServices.scheduler,
      metrics: coreServices.metrics,
    },
    async init({ deps }) {
      await (await deps.db.getClient()).insertInto('versions').values({ version }).execute();
      const served = deps.metrics.counter('work_total', 'Requests served');
      deps.http.implement(workApi, {
        async work({ query }) {
          await new Promise((resolve) => setTimeout(resolve, query.ms));
          served.inc();
          return { version };
        },
      });
      await deps.events.subscribe({
        id: `bench-runtime@${version}`,
        topics: ['bench.ping'],
        onEvent: () => void pings++,
      });
      await deps.scheduler.scheduleTask({
        id: 'tick',
        scope: 'local',
        frequency: { seconds: 1 },
        timeout: { seconds: 5 },
        fn: async () => void ticks++,
      });
    },
  });
}

/** A built-in plugin that hands the benchmark the runtime, as the plugins manager gets it. */
export function runtimeHolderPlugin(holder: { runtime?: PluginRuntimeService }) {
  return definePlugin({
    id: 'bench-holder',
    deps: { runtime: coreServices.pluginRuntime },
    init({ deps }) {
      holder.runtime = deps.runtime;
    },
  });
}

/** Prepares and health-checks one version, ready to activate. */
export async function prepareVersion(runtime: PluginRuntimeService, version: string) {
  const next = await runtime.prepare({ features: [runtimeBenchPlugin(version)], version });
  await next.checkHealth();
  return next;
}
