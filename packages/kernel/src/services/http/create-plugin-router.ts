import { AtriumError } from '@atrium/errors';
import { type HttpApi, type RouteAccess, type RouteSpec, toOpenApiDocument } from '@atrium/http-api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { HttpRouterService, RouteHandler } from './http-router-service.js';
import { authenticateRequest, getRequestCredentials } from './request-credentials.js';
import type { DurationHook } from './request-duration-metric.js';
import { validateRequestPart } from './validate-request.js';

/** A plugin's router before it is mounted: what the plugin registered during init. */
export interface PluginRouter {
  readonly service: HttpRouterService;
  /** Fails unless every declared API was implemented in full. */
  assertComplete(): void;
  mount(
    root: FastifyInstance,
    options: { externalBaseUrl: string; durationHook(plugin: string): DurationHook },
  ): Promise<void>;
}

interface Implemented {
  name: string;
  spec: RouteSpec;
  handler: RouteHandler<RouteSpec>;
}

type RawRegister = (instance: FastifyInstance) => void | Promise<void>;
type AccessRule = RouteAccess | ((url: string) => RouteAccess);

/** Creates the router of one plugin; the kernel mounts it at `/api/<pluginId>` after init. */
export function createPluginRouter(
  pluginId: string,
  declaredApis: readonly HttpApi[],
  authenticator: Authenticator,
): PluginRouter {
  const routes: Implemented[] = [];
  const implementedApis = new Set<HttpApi>();
  const policies: Array<{ path: string; allow: string }> = [];
  const raw: RawRegister[] = [];

  const service: HttpRouterService = {
    implement(api, handlers) {
      if (!declaredApis.includes(api as HttpApi)) {
        throw new AtriumError(
          kernelErrorCodes.KERNEL_API_UNDECLARED,
          `plugin '${pluginId}' implements an API that its manifest does not list; add it to 'apis' in definePlugin`,
          { details: { pluginId } },
        );
      }
      implementedApis.add(api as HttpApi);
      routes.push(...matchHandlers(pluginId, api as HttpApi, handlers));
    },
    addAuthPolicy: (policy) => policies.push(policy),
    useFastify: (register) => raw.push(register),
  };

  return {
    service,
    assertComplete() {
      const missing = declaredApis.filter((api) => !implementedApis.has(api));
      if (missing.length === 0) return;
      const names = missing.flatMap((api) => Object.keys(api.routes)).join(', ');
      throw new AtriumError(
        kernelErrorCodes.KERNEL_ROUTE_NOT_IMPLEMENTED,
        `plugin '${pluginId}' lists an API in its manifest but never implemented it (routes: ${names}); call http.implement(api, handlers) in init`,
        { details: { pluginId } },
      );
    },
    mount: (root, options) =>
      mountPluginRoutes(root, { pluginId, declaredApis, authenticator, routes, policies, raw, ...options }),
  };
}

interface MountInput {
  pluginId: string;
  declaredApis: readonly HttpApi[];
  authenticator: Authenticator;
  routes: readonly Implemented[];
  policies: ReadonlyArray<{ path: string }>;
  raw: readonly RawRegister[];
  externalBaseUrl: string;
  durationHook(plugin: string): DurationHook;
}

/** Registers the OpenAPI document and the declared routes, then the raw routes, under `/api/<pluginId>`. */
async function mountPluginRoutes(root: FastifyInstance, input: MountInput): Promise<void> {
  const { pluginId, declaredApis, routes, raw } = input;
  const prefix = `/api/${pluginId}`;
  const auth = createAuthHook(pluginId, input.authenticator);
  const onResponse = input.durationHook(pluginId);
  await root.register(
    async (instance) => {
      instance.get('/openapi.json', { onRequest: auth('public'), onResponse }, async () =>
        toOpenApiDocument(declaredApis, {
          title: `Atrium plugin '${pluginId}'`,
          serverUrl: `${input.externalBaseUrl}${prefix}`,
        }),
      );
      for (const route of routes) {
        instance.route({
          method: route.spec.method,
          url: route.spec.path,
          bodyLimit: route.spec.bodyLimit,
          onRequest: auth(route.spec.access ?? 'any'),
          onResponse,
          handler: routeHandler(route),
        });
      }
    },
    { prefix },
  );
  if (raw.length === 0) return;
  // Raw routes live in a sibling context under the same prefix: a context-wide hook
  // applies the auth policies to them without touching the declared routes.
  await root.register(
    async (instance) => {
      instance.addHook('onRequest', auth(rawRouteAccess(prefix, input.policies)));
      instance.addHook('onResponse', onResponse);
      for (const register of raw) await register(instance);
    },
    { prefix },
  );
}

/** Pairs each route of an API with its handler; a route without one fails init. */
function matchHandlers(pluginId: string, api: HttpApi, handlers: object): Implemented[] {
  return Object.entries(api.routes).map(([name, spec]) => {
    const handler = (handlers as Record<string, RouteHandler<RouteSpec> | undefined>)[name];
    if (typeof handler !== 'function') {
      throw new AtriumError(
        kernelErrorCodes.KERNEL_ROUTE_NOT_IMPLEMENTED,
        `plugin '${pluginId}' has no handler for route '${name}' (${spec.method} ${spec.path})`,
        { details: { pluginId, route: name } },
      );
    }
    return { name, spec, handler };
  });
}

/** An onRequest hook per access rule; a declared route's rule is fixed, so no lookup per request. */
function createAuthHook(pluginId: string, authenticator: Authenticator) {
  return (access: AccessRule) =>
    (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
      try {
        const rule = typeof access === 'function' ? access(request.url) : access;
        const result = authenticateRequest(request, rule, pluginId, authenticator);
        if (result instanceof Promise) result.then(() => done(), done);
        else done();
      } catch (error) {
        done(error as Error);
      }
    };
}

/** Raw routes have no declared access: a path under a public auth policy is public, others need a caller. */
function rawRouteAccess(prefix: string, policies: ReadonlyArray<{ path: string }>) {
  const publicPaths = policies.map((p) => (p.path.endsWith('/') ? p.path : `${p.path}/`));
  return (url: string): RouteAccess => {
    const relative = (url.split('?')[0] ?? '').slice(prefix.length) || '/';
    return publicPaths.some((p) => `${relative}/`.startsWith(p)) ? 'public' : 'any';
  };
}

/** Validates the request against the route's spec, calls the handler and sends its result. */
function routeHandler({ spec, handler }: Implemented) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await handler({
      params: validateRequestPart(spec.params, request.params, 'params'),
      query: validateRequestPart(spec.query, request.query, 'query'),
      body: validateRequestPart(spec.body, request.body, 'body'),
      credentials: getRequestCredentials(request),
      request,
      reply,
    } as never);
    if (reply.sent || spec.streaming) return reply;
    if (result === undefined) return reply.code(spec.successStatus ?? 204).send();
    return reply.code(spec.successStatus ?? 200).send(result);
  };
}
