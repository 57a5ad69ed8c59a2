import { defineHttpApi } from '@atrium/http-api';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { coreServices } from '../services/core-services.js';
import type { HttpRouterService } from '../services/http/http-router-service.js';
import type { LoggerService } from '../services/logger/logger-service.js';
import { defineModule } from './define-module.js';
import { definePlugin } from './define-plugin.js';
import { defineExtensionPoint } from './extension-point.js';
import { defineServiceFactory } from './service-factory.js';
import { defineServiceRef, type ServiceRef } from './service-ref.js';

// The kernel's type contracts, pinned: `npm run typecheck` fails when an
// `@ts-expect-error` line stops being an error (a contract got looser) or when an
// expectTypeOf line stops holding. The init functions below are declared, never run.

interface Processor {
  name: string;
}
const processorsPoint = defineExtensionPoint<Processor>({ id: 'demo.processors' });

describe('definePlugin', () => {
  it('gives init the services its deps name, typed, and nothing else', () => {
    definePlugin({
      id: 'demo',
      deps: { logger: coreServices.logger, config: coreServices.rootConfig },
      init({ deps }) {
        expectTypeOf(deps.logger).toEqualTypeOf<LoggerService>();
        // @ts-expect-error a service that is not in deps is not there
        void deps.database;
      },
    });
  });

  it('types config from its schema, defaults applied, and leaves it undefined without one', () => {
    definePlugin({
      id: 'demo',
      deps: {},
      config: z.object({ pollSeconds: z.number().default(5), name: z.string().optional() }),
      init({ config }) {
        expectTypeOf(config.pollSeconds).toEqualTypeOf<number>();
        expectTypeOf(config.name).toEqualTypeOf<string | undefined>();
        // @ts-expect-error keys outside the schema do not exist
        void config.other;
      },
    });
    definePlugin({
      id: 'demo',
      deps: {},
      init({ config }) {
        expectTypeOf(config).toEqualTypeOf<undefined>();
      },
    });
  });

  it('hands the plugin its extension points as read-only lists of their item type', () => {
    definePlugin({
      id: 'demo',
      deps: {},
      extensionPoints: { processors: processorsPoint },
      init({ extensions }) {
        expectTypeOf(extensions.processors).toEqualTypeOf<readonly Processor[]>();
        // @ts-expect-error the plugin reads the final list; only modules add
        extensions.processors.push({ name: 'late' });
      },
    });
  });
});

describe('defineModule', () => {
  it('lets a module add items of the extension point type only', () => {
    defineModule({
      plugin: 'demo',
      id: 'extra',
      deps: {},
      extensionPoints: { processors: processorsPoint },
      init({ extensions }) {
        extensions.processors.add({ name: 'extra' });
        // @ts-expect-error an item of another shape is refused
        extensions.processors.add({ title: 'extra' });
        // @ts-expect-error a module cannot read the list it writes to
        void extensions.processors.length;
      },
    });
  });
});

describe('service refs', () => {
  const pluginScoped = defineServiceRef<{ ping(): string }>({ id: 'demo.pinger' });
  const rootScoped = defineServiceRef<{ count: number }, 'root'>({ id: 'demo.counter', scope: 'root' });

  it('are plugin-scoped unless declared root', () => {
    expectTypeOf(pluginScoped).toEqualTypeOf<ServiceRef<{ ping(): string }, 'plugin'>>();
    expectTypeOf(rootScoped).toEqualTypeOf<ServiceRef<{ count: number }, 'root'>>();
  });

  it('need a factory of their own scope and type', () => {
    defineServiceFactory({ service: rootScoped, deps: {}, factory: () => ({ count: 1 }) });
    defineServiceFactory({ service: pluginScoped, deps: {}, factory: () => ({ ping: () => 'pong' }) });
    // @ts-expect-error a factory must build the ref's type
    defineServiceFactory({ service: rootScoped, deps: {}, factory: () => ({ count: 'one' }) });
  });

  it('give a plugin factory root services only in its shared root context', () => {
    defineServiceFactory({
      service: pluginScoped,
      deps: { rootLogger: coreServices.rootLogger, logger: coreServices.logger },
      createRootContext(deps) {
        expectTypeOf(deps.rootLogger).toEqualTypeOf<LoggerService>();
        // @ts-expect-error a plugin-scoped service does not exist before a plugin does
        void deps.logger;
        return {};
      },
      factory: ({ logger }) => ({ ping: () => (logger ? 'pong' : '') }),
    });
  });
});

describe('defineHttpApi handlers', () => {
  const thingApi = defineHttpApi({
    routes: {
      getThing: {
        method: 'GET',
        path: '/things/:id',
        params: z.object({ id: z.string() }),
        query: z.object({ limit: z.coerce.number().default(10) }),
        response: z.object({ id: z.string(), size: z.number() }),
      },
    },
  });

  // Declared, never called: only the types matter.
  function implement(http: HttpRouterService) {
    http.implement(thingApi, {
      getThing: ({ params, query }) => {
        expectTypeOf(params.id).toEqualTypeOf<string>();
        expectTypeOf(query.limit).toEqualTypeOf<number>();
        // @ts-expect-error only the declared path parameters exist
        void params.name;
        return { id: params.id, size: query.limit };
      },
    });
    http.implement(thingApi, {
      // @ts-expect-error the handler must answer the declared response type
      getThing: () => ({ id: 1, size: 'big' }),
    });
    // @ts-expect-error every route of the API needs a handler
    http.implement(thingApi, {});
  }

  it('are typed by the route they implement', () => {
    expectTypeOf(implement).toBeFunction();
  });
});
