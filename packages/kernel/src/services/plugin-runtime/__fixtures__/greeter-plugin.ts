import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';
import { defineModule } from '../../../definitions/define-module.js';
import { definePermission } from '../../../definitions/define-permission.js';
import { definePlugin } from '../../../definitions/define-plugin.js';
import { defineExtensionPoint } from '../../../definitions/extension-point.js';
import { coreServices } from '../../core-services.js';

/** What tests observe of each generation of the greeter plugin. */
export interface GreeterProbe {
  /** Generations that ran their stop hook, with the requests still in flight at that moment. */
  stopped: Array<{ version: string; inFlight: number }>;
  /** Versions whose event subscriber received a 'greeter.ping'. */
  pings: string[];
  /** Versions whose scheduled task ran. */
  taskRuns: string[];
}

export const greetingsPoint = defineExtensionPoint<string>({ id: 'greeter.greetings' });

const greeterApi = defineHttpApi({
  routes: {
    hello: {
      method: 'GET',
      path: '/hello',
      access: 'public',
      query: z.object({ ms: z.coerce.number().int().min(0).max(2000).optional() }),
      response: z.object({
        version: z.string(),
        greeting: z.string(),
        greetings: z.array(z.string()),
        rows: z.number(),
      }),
    },
    echo: {
      method: 'POST',
      path: '/echo',
      access: 'user',
      body: z.object({ text: z.string().max(100) }),
      response: z.object({ text: z.string(), caller: z.string() }),
    },
  },
});

/** A runtime plugin with every kind of service a generation must release. */
const greetingRead = definePermission({ name: 'greeter.greeting.read', attributes: { action: 'read' } });

export function greeterPlugin(
  version: string,
  probe: GreeterProbe,
  options: { initError?: string; healthError?: string } = {},
) {
  return definePlugin({
    id: 'greeter',
    config: z.object({ greeting: z.string().default('hello') }).default({ greeting: 'hello' }),
    permissions: [greetingRead],
    apis: [greeterApi],
    extensionPoints: { greetings: greetingsPoint },
    migrations: {
      '0001_generations': {
        up: (db) => db.schema.createTable('generations').addColumn('version', 'varchar(64)').execute(),
      },
    },
    deps: {
      http: coreServices.httpRouter,
      db: coreServices.database,
      events: coreServices.events,
      scheduler: coreServices.scheduler,
      metrics: coreServices.metrics,
      permissions: coreServices.permissions,
    },
    async init({ deps, config, extensions }) {
      if (options.initError) throw new Error(options.initError);
      const db = await deps.db.getClient();
      await db.insertInto('generations').values({ version }).execute();
      const served = deps.metrics.counter('greetings_total', 'Greetings served');
      let inFlight = 0;
      deps.http.implement(greeterApi, {
        // The runtime plugin's own permission: the permissions service knows it once prepared.
        echo: async ({ body, credentials }) => ({
          text: `${version}: ${body.text} (${(await deps.permissions.authorize([{ permission: greetingRead }], { credentials }))[0]?.result})`,
          caller:
            credentials.principal.type === 'user'
              ? credentials.principal.userEntityRef
              : credentials.principal.type,
        }),
        async hello({ query }) {
          inFlight += 1;
          try {
            if (query.ms) await new Promise((resolve) => setTimeout(resolve, query.ms));
            served.inc();
            const rows = await db
              .selectFrom('generations')
              .select(db.fn.countAll().as('n'))
              .executeTakeFirst();
            return {
              version,
              greeting: config.greeting,
              greetings: [...extensions.greetings],
              rows: Number(rows?.n),
            };
          } finally {
            inFlight -= 1;
          }
        },
      });
      await deps.events.subscribe({
        id: `greeter@${version}`,
        topics: ['greeter.ping'],
        onEvent: () => void probe.pings.push(version),
      });
      await deps.scheduler.scheduleTask({
        id: 'tick',
        scope: 'local',
        frequency: { milliseconds: 20 },
        timeout: { seconds: 5 },
        fn: async () => void probe.taskRuns.push(version),
      });
      return {
        health: () => {
          if (options.healthError) throw new Error(options.healthError);
        },
        stop: () => void probe.stopped.push({ version, inFlight }),
      };
    },
  });
}

/** A module that adds a greeting to the greeter's extension point. */
export function greetingModule(id: string, greeting: string) {
  return defineModule({
    plugin: 'greeter',
    id,
    deps: {},
    extensionPoints: { greetings: greetingsPoint },
    init({ extensions }) {
      extensions.greetings.add(greeting);
    },
  });
}
