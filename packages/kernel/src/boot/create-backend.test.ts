import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtriumError } from '@atrium/errors';
import { createCaptureLogger, startTestBackend } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineModule } from '../definitions/define-module.js';
import { definePlugin } from '../definitions/define-plugin.js';
import { defineExtensionPoint } from '../definitions/extension-point.js';
import { defineServiceFactory } from '../definitions/service-factory.js';
import { defineServiceRef } from '../definitions/service-ref.js';
import type { CacheService } from '../services/cache/cache-service.js';
import { coreServices } from '../services/core-services.js';
import { createBackend } from './create-backend.js';

async function startupError(
  features: Parameters<typeof startTestBackend>[0]['features'],
  config?: Record<string, never> | object,
): Promise<AtriumError> {
  try {
    const backend = await startTestBackend({ features, config: config as never });
    await backend.stop();
  } catch (error) {
    expect(error).toBeInstanceOf(AtriumError);
    return error as AtriumError;
  }
  throw new Error('expected startup to fail');
}

const counterRef = defineServiceRef<{ next(): number }, 'root'>({ id: 'test.counter', scope: 'root' });
const counterFactory = defineServiceFactory({
  service: counterRef,
  deps: {},
  factory: () => {
    let n = 0;
    return { next: () => ++n };
  },
});

describe('dependency injection', () => {
  it('shares root services and gives each plugin its own plugin-scoped instance', async () => {
    const seen: Record<string, { counter: { next(): number }; logger: unknown; id: string }> = {};
    const make = (id: string) =>
      definePlugin({
        id,
        deps: { counter: counterRef, logger: coreServices.logger, meta: coreServices.pluginMetadata },
        init({ deps }) {
          seen[id] = { counter: deps.counter, logger: deps.logger, id: deps.meta.getId() };
        },
      });
    const backend = await startTestBackend({ features: [counterFactory, make('a'), make('b')] });
    await backend.stop();
    expect(seen.a?.counter).toBe(seen.b?.counter);
    expect(seen.a?.logger).not.toBe(seen.b?.logger);
    expect([seen.a?.id, seen.b?.id]).toEqual(['a', 'b']);
  });

  it('replaces a default factory with an added one', async () => {
    let cache: CacheService | undefined;
    const store = new Map<string, unknown>();
    const fakeCache = defineServiceFactory({
      service: coreServices.cache,
      deps: {},
      factory: (): CacheService => ({
        get: async (key) => store.get(key) as never,
        set: async (key, value) => void store.set(key, value),
        delete: async (key) => void store.delete(key),
        withOptions: () => cache!,
      }),
    });
    const plugin = definePlugin({
      id: 'user',
      deps: { cache: coreServices.cache },
      init: ({ deps }) => {
        cache = deps.cache;
      },
    });
    const backend = await startTestBackend({ features: [fakeCache, plugin] });
    await cache!.set('k', 1);
    await backend.stop();
    expect(store.get('k')).toBe(1);
  });
});

describe('modules and extension points', () => {
  const itemsPoint = defineExtensionPoint<string>({ id: 'host.items' });

  it('initialises modules before their plugin, which sees every contribution', async () => {
    const order: string[] = [];
    let received: readonly string[] = [];
    const host = definePlugin({
      id: 'host',
      deps: {},
      extensionPoints: { items: itemsPoint },
      init({ extensions }) {
        order.push('host');
        received = extensions.items;
      },
    });
    const moduleOf = (id: string) =>
      defineModule({
        plugin: 'host',
        id,
        deps: {},
        extensionPoints: { items: itemsPoint },
        init({ extensions }) {
          order.push(id);
          extensions.items.add(`from-${id}`);
        },
      });
    const backend = await startTestBackend({ features: [host, moduleOf('one'), moduleOf('two')] });
    await backend.stop();
    expect(order).toEqual(['one', 'two', 'host']);
    expect(received).toEqual(['from-one', 'from-two']);
    expect(Object.isFrozen(received)).toBe(true);
  });

  it('refuses additions after the module init returned', async () => {
    let late: (() => void) | undefined;
    const host = definePlugin({ id: 'host', deps: {}, extensionPoints: { items: itemsPoint }, init() {} });
    const mod = defineModule({
      plugin: 'host',
      id: 'late',
      deps: {},
      extensionPoints: { items: itemsPoint },
      init({ extensions }) {
        late = () => extensions.items.add('too late');
      },
    });
    const backend = await startTestBackend({ features: [host, mod] });
    await backend.stop();
    expect(late).toThrowError(
      /module 'host.late' added to extension point 'host.items' after its init finished/,
    );
  });
});

describe('startup errors', () => {
  it('refuses features added after start() and a second start()', async () => {
    const backend = createBackend({ configPaths: [join(tmpdir(), 'atrium-no-such-config.yaml')], env: {} });
    const first = backend.start();
    const late = () => backend.add(definePlugin({ id: 'late', deps: {}, init() {} }));
    expect(late).toThrowError(expect.objectContaining({ code: 'KERNEL_BACKEND_STARTED' }));
    expect(late).toThrowError(/backend.add\(\) was called after backend.start\(\)/);
    await expect(backend.start()).rejects.toMatchObject({ code: 'KERNEL_BACKEND_STARTED' });
    await expect(first).rejects.toMatchObject({ code: 'CONFIG_LOAD_FAILED' });
  });

  it('names a missing service and who needs it', async () => {
    const needsRef = defineServiceRef<string>({ id: 'test.absent' });
    const error = await startupError([definePlugin({ id: 'needy', deps: { x: needsRef }, init() {} })]);
    expect(error.code).toBe('KERNEL_STARTUP_FAILED');
    expect(error.message).toContain(
      "[KERNEL_MISSING_SERVICE] plugin 'needy' depends on service 'test.absent', but no factory provides it",
    );
  });

  it('prints a dependency cycle as a chain', async () => {
    const aRef = defineServiceRef<number, 'root'>({ id: 'test.a', scope: 'root' });
    const bRef = defineServiceRef<number, 'root'>({ id: 'test.b', scope: 'root' });
    const a = defineServiceFactory({ service: aRef, deps: { b: bRef }, factory: ({ b }) => b + 1 });
    const b = defineServiceFactory({ service: bRef, deps: { a: aRef }, factory: ({ a }) => a + 1 });
    const error = await startupError([a, b, definePlugin({ id: 'p', deps: { a: aRef }, init() {} })]);
    expect(error.message).toMatch(
      /\[KERNEL_DEPENDENCY_CYCLE\] service dependency cycle: 'test\.a' -> 'test\.b' -> 'test\.a'/,
    );
  });

  it('rejects a root service that depends on a plugin service', async () => {
    const rootRef = defineServiceRef<string, 'root'>({ id: 'test.root', scope: 'root' });
    const factory = defineServiceFactory({
      service: rootRef,
      deps: { logger: coreServices.logger as never },
      factory: () => 'x',
    });
    const error = await startupError([factory]);
    expect(error.message).toContain(
      "[KERNEL_SERVICE_SCOPE] root service 'test.root' depends on plugin-scoped service 'core.logger'",
    );
  });

  it('rejects duplicate plugin and module ids', async () => {
    const plugin = definePlugin({ id: 'dup', deps: {}, init() {} });
    const mod = defineModule({ plugin: 'dup', id: 'm', deps: {}, init() {} });
    const error = await startupError([plugin, definePlugin({ id: 'dup', deps: {}, init() {} }), mod, mod]);
    expect(error.message).toContain("[KERNEL_DUPLICATE_PLUGIN] plugin 'dup' was added twice");
    expect(error.message).toContain("[KERNEL_DUPLICATE_MODULE] module 'dup.m' was added twice");
  });

  it('rejects a module whose plugin is missing and extension points out of scope', async () => {
    const foreign = defineExtensionPoint<string>({ id: 'search.collators' });
    const unknown = defineExtensionPoint<string>({ id: 'nobody.things' });
    const search = definePlugin({
      id: 'search',
      deps: {},
      extensionPoints: { collators: foreign },
      init() {},
    });
    const catalog = definePlugin({ id: 'catalog', deps: {}, init() {} });
    const error = await startupError([
      search,
      catalog,
      defineModule({ plugin: 'catalog', id: 'github', deps: {}, extensionPoints: { c: foreign }, init() {} }),
      defineModule({ plugin: 'catalog', id: 'lost', deps: {}, extensionPoints: { u: unknown }, init() {} }),
      defineModule({ plugin: 'scaffolder', id: 'orphan', deps: {}, init() {} }),
    ]);
    expect(error.message).toContain(
      "[KERNEL_EXTENSION_POINT_SCOPE] module 'catalog.github' extends 'search.collators', which belongs to plugin 'search'. A module may only extend the plugin it is declared for; move it to a module of 'search'",
    );
    expect(error.message).toContain(
      "[KERNEL_EXTENSION_POINT_UNKNOWN] module 'catalog.lost' uses extension point 'nobody.things', which no installed plugin provides",
    );
    expect(error.message).toContain(
      "[KERNEL_MODULE_WITHOUT_PLUGIN] module 'scaffolder.orphan' extends plugin 'scaffolder', which is not installed",
    );
  });

  it('names every invalid config key with its owner and what it found, never a secret', async () => {
    const plugin = definePlugin({
      id: 'strict',
      config: z.object({
        mode: z.enum(['fast', 'safe']),
        retries: z.number().int().min(0),
        token: z.string().min(40).meta({ visibility: 'secret' }),
      }),
      deps: {},
      init() {},
    });
    const error = await startupError([plugin], {
      strict: { mode: 'reckless', retries: -1, token: 'hunter2' },
      backend: { listen: { port: 'seven' } },
    });
    expect(error.message).toContain(
      `config 'strict.mode' (plugin 'strict'): expected one of "fast"|"safe", got "reckless"`,
    );
    expect(error.message).toContain(
      "config 'strict.retries' (plugin 'strict'): expected a number >= 0, got -1",
    );
    expect(error.message).toContain(
      `config 'backend.listen.port' (the kernel): expected a number, got "seven"`,
    );
    expect(error.message).toContain(
      "config 'strict.token' (plugin 'strict'): expected at least 40 characters, got a string (not shown: the value is secret)",
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('reports init failures of several plugins together', async () => {
    const failing = (id: string) =>
      definePlugin({
        id,
        deps: {},
        init() {
          throw new Error(`${id} broke`);
        },
      });
    const error = await startupError([
      failing('one'),
      failing('two'),
      definePlugin({ id: 'fine', deps: {}, init() {} }),
    ]);
    expect(error.message).toMatch(/2 problems/);
    expect(error.message).toContain("[KERNEL_INIT_FAILED] plugin 'one' failed to initialise: one broke");
    expect(error.message).toContain("[KERNEL_INIT_FAILED] plugin 'two' failed to initialise: two broke");
  });

  it('names a plugin whose init never finishes', async () => {
    const stuck = definePlugin({ id: 'stuck', deps: {}, init: () => new Promise<void>(() => undefined) });
    const error = await startupError([stuck], { backend: { startup: { timeout: { milliseconds: 200 } } } });
    expect(error.message).toContain(
      "[KERNEL_INIT_TIMEOUT] plugin 'stuck' did not finish initialising within 200 ms (backend.startup.timeout)",
    );
  });

  it('rejects something that is not a feature', async () => {
    const error = await startupError([{ hello: 'world' } as never]);
    expect(error.message).toContain('[KERNEL_INVALID_FEATURE]');
  });
});

describe('shutdown', () => {
  it('drains in-flight requests and runs hooks in reverse order', async () => {
    const order: string[] = [];
    let releaseRequest: () => void = () => undefined;
    const slow = definePlugin({
      id: 'slow',
      deps: { lifecycle: coreServices.lifecycle, http: coreServices.httpRouter },
      init({ deps }) {
        deps.lifecycle.addShutdownHook(() => void order.push('slow: first registered'));
        deps.lifecycle.addShutdownHook(() => void order.push('slow: second registered'));
        deps.http.useFastify((app) => {
          app.get('/wait', async () => {
            await new Promise<void>((resolve) => (releaseRequest = resolve));
            order.push('request finished');
            return { done: true };
          });
        });
        return { stop: () => void order.push('slow: plugin stop') };
      },
    });
    const logger = createCaptureLogger();
    const backend = await startTestBackend({ features: [slow], logger });
    const token = await backend.userToken();
    const inFlight = backend.fetch('/api/slow/wait', { token });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopping = backend.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    releaseRequest();
    const response = await inFlight;
    await stopping;
    expect(response.status).toBe(200);
    expect(order).toEqual([
      'request finished',
      'slow: plugin stop',
      'slow: second registered',
      'slow: first registered',
    ]);
    const after = await backend.fetch('/.well-known/health/live').then(
      (r) => r.status,
      (e: Error) => e.name,
    );
    expect(after).toBe('TypeError');
  });
});
