import type { HttpApi, RouteInput, RouteResponse, RouteSpec } from '@atrium/http-api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Credentials } from '../auth/credentials.js';

/** What a route handler receives. */
export interface RouteContext<TSpec extends RouteSpec> extends RouteInput<TSpec> {
  /** Who is calling (a `none` principal on public routes without a token). */
  credentials: Credentials;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Handles one route; the return value is the JSON body (or nothing, for 204). */
export type RouteHandler<TSpec extends RouteSpec> = (
  context: RouteContext<TSpec>,
) => Promise<RouteResponse<TSpec> | undefined> | RouteResponse<TSpec> | undefined;

/** Handlers for every route of an API. */
export type RouteHandlers<TRoutes extends Record<string, RouteSpec>> = {
  [K in keyof TRoutes]: RouteHandler<TRoutes[K]>;
};

/** One plugin's HTTP surface, mounted at `/api/<pluginId>`. */
export interface HttpRouterService {
  /** Implements an API the manifest lists in `apis`; every route needs a handler. */
  implement<TRoutes extends Record<string, RouteSpec>>(
    api: HttpApi<TRoutes>,
    handlers: RouteHandlers<TRoutes>,
  ): void;
  /** Relaxes the default "every route needs a credential" for paths under `path` (Backstage's shape). */
  addAuthPolicy(policy: { path: string; allow: 'unauthenticated' | 'user-cookie' }): void;
  /**
   * Registers raw Fastify routes in the plugin's encapsulated context, for what a JSON
   * contract does not fit (file serving, proxies). They require a credential unless an
   * auth policy says otherwise.
   */
  useFastify(register: (instance: FastifyInstance) => void | Promise<void>): void;
}
