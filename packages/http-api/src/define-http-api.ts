import { AtriumError } from '@atrium/errors';
import type { z } from 'zod';
import { httpApiErrorCodes } from './http-api-error-codes.js';

/** HTTP methods a route can use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route. `any` (the default) accepts users and services; `public` needs no
 * credential at all and must be a deliberate choice.
 */
export type RouteAccess = 'any' | 'user' | 'service' | 'public';

/** One route of an API: everything about it except the handler. */
export interface RouteSpec {
  method: HttpMethod;
  /** Path under the plugin's mount point, Fastify style: `/entities/by-uid/:uid`. */
  path: string;
  summary?: string;
  description?: string;
  access?: RouteAccess;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Successful response body (for the OpenAPI document and typed clients). */
  response?: z.ZodType;
  /** Status of a successful response; 200 unless given. */
  successStatus?: number;
  /** Request body size limit in bytes for this route, overriding the backend default. */
  bodyLimit?: number;
  /** Response is not JSON (a stream, SSE, a file): the handler writes to the reply itself. */
  streaming?: boolean;
  /** Names of the permissions the route checks, for `atrium inspect` and docs. */
  permissions?: readonly string[];
}

/** A named set of routes: the contract of one plugin's HTTP API. */
export interface HttpApi<TRoutes extends Record<string, RouteSpec> = Record<string, RouteSpec>> {
  readonly $$type: '@atrium/HttpApi';
  readonly title?: string;
  readonly routes: TRoutes;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;
type InferInput<T> = T extends z.ZodType ? z.input<T> : undefined;

/** Parsed request parts a handler receives for a route. */
export interface RouteInput<TSpec extends RouteSpec> {
  params: Infer<TSpec['params']>;
  query: Infer<TSpec['query']>;
  body: Infer<TSpec['body']>;
}

/** What a client sends for a route (before parsing and defaults). */
export interface RouteRequest<TSpec extends RouteSpec> {
  params: InferInput<TSpec['params']>;
  query: InferInput<TSpec['query']>;
  body: InferInput<TSpec['body']>;
}

/** The response body type of a route. */
export type RouteResponse<TSpec extends RouteSpec> = TSpec['response'] extends z.ZodType
  ? z.output<TSpec['response']>
  : unknown;

const pathPattern = /^\/([A-Za-z0-9._~:@!$&'()*+,;=-]|\/)*$/;

/**
 * Declares a plugin's HTTP API. The manifest lists it (so `atrium inspect` and the
 * OpenAPI document know every route without running the plugin), the backend implements
 * it, and the frontend derives a typed client from it.
 *
 * @example
 * export const todoApi = defineHttpApi({
 *   title: 'Todo',
 *   routes: {
 *     listTodos: { method: 'GET', path: '/todos', response: z.array(todoSchema) },
 *   },
 * });
 */
export function defineHttpApi<TRoutes extends Record<string, RouteSpec>>(options: {
  title?: string;
  routes: TRoutes;
}): HttpApi<TRoutes> {
  const seen = new Map<string, string>();
  for (const [name, spec] of Object.entries(options.routes)) {
    if (!pathPattern.test(spec.path)) {
      throw new AtriumError(
        httpApiErrorCodes.HTTP_API_INVALID_PATH,
        `route '${name}' has path '${spec.path}', which is not valid. A path starts with '/' and has no query string; declare query parameters in 'query'`,
        { details: { route: name, path: spec.path } },
      );
    }
    const key = `${spec.method} ${spec.path}`;
    const other = seen.get(key);
    if (other) {
      throw new AtriumError(
        httpApiErrorCodes.HTTP_API_DUPLICATE_ROUTE,
        `routes '${other}' and '${name}' both declare ${key}. A method and path belong to one route; remove or rename one`,
        { details: { routes: [other, name], route: key } },
      );
    }
    seen.set(key, name);
  }
  return { $$type: '@atrium/HttpApi', title: options.title, routes: options.routes };
}
