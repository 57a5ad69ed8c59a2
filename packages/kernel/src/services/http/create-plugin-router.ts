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

/** Creates the router of one plugin; the kernel mounts it at `/api/<pluginId>` after init. */
export function createPluginRouter(
  pluginId: string,
  declaredApis: readonly HttpApi[],
  authenticator: Authenticator,
): PluginRouter {
  const routes: Implemented[] = [];
  const implementedApis = new Set<HttpApi>();
  const policies: Array<{ path: string; allow: string }> = [];
  const raw: Array<(instance: FastifyInstance) => void | Promise<void>> = [];
  const prefix = `/api/${pluginId}`;

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
      for (const [name, spec] of Object.entries(api.routes)) {
        const handler = (handlers as Record<string, RouteHandler<RouteSpec> | undefined>)[name];
        if (typeof handler !== 'function') {
          throw new AtriumError(
            kernelErrorCodes.KERNEL_ROUTE_NOT_IMPLEMENTED,
            `plugin '${pluginId}' has no handler for route '${name}' (${spec.method} ${spec.path})`,
            {
              details: { pluginId, route: name },
            },
          );
        }
        routes.push({ name, spec, handler });
      }
    },
    addAuthPolicy: (policy) => policies.push(policy),
    useFastify: (register) => raw.push(register),
  };

  // Routes declare their access; raw routes fall back to the auth policies (computed once, at mount).
  let publicPaths: string[] = [];
  const accessForRawRoute = (url: string): RouteAccess => {
    const relative = (url.split('?')[0] ?? '').slice(prefix.length) || '/';
    return publicPaths.some((p) => `${relative}/`.startsWith(p)) ? 'public' : 'any';
  };

  return {
    service,
    assertComplete() {
      const missing = declaredApis.filter((api) => !implementedApis.has(api));
      if (missing.length > 0) {
        const names = missing.flatMap((api) => Object.keys(api.routes)).join(', ');
        throw new AtriumError(
          kernelErrorCodes.KERNEL_ROUTE_NOT_IMPLEMENTED,
          `plugin '${pluginId}' lists an API in its manifest but never implemented it (routes: ${names}); call http.implement(api, handlers) in init`,
          {
            details: { pluginId },
          },
        );
      }
    },
    async mount(root, { externalBaseUrl, durationHook }) {
      const recordDuration = durationHook(pluginId);
      // Each declared route knows its access rule, so its hook needs no lookup per request.
      const authHook =
        (access: RouteAccess | ((url: string) => RouteAccess)) =>
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
      await root.register(
        async (instance) => {
          instance.get(
            '/openapi.json',
            { onRequest: authHook('public'), onResponse: recordDuration },
            async () =>
              toOpenApiDocument(declaredApis, {
                title: `Atrium plugin '${pluginId}'`,
                serverUrl: `${externalBaseUrl}${prefix}`,
              }),
          );
          for (const { spec, handler } of routes) {
            instance.route({
              method: spec.method,
              url: spec.path,
              bodyLimit: spec.bodyLimit,
              onRequest: authHook(spec.access ?? 'any'),
              onResponse: recordDuration,
              handler: async (request, reply) => {
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
              },
            });
          }
        },
        { prefix },
      );
      if (raw.length === 0) return;
      // Raw routes live in a sibling context under the same prefix: a context-wide hook
      // applies the auth policies to them without touching the declared routes.
      publicPaths = policies.map((p) => (p.path.endsWith('/') ? p.path : `${p.path}/`));
      await root.register(
        async (instance) => {
          instance.addHook('onRequest', authHook(accessForRawRoute));
          instance.addHook('onResponse', recordDuration);
          for (const register of raw) await register(instance);
        },
        { prefix },
      );
    },
  };
}
