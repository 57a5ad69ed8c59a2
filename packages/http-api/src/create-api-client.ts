import { AtriumError, ResponseError } from '@atrium/errors';
import type { z } from 'zod';
import type { HttpApi, RouteRequest, RouteResponse, RouteSpec } from './define-http-api.js';
import { httpApiErrorCodes } from './http-api-error-codes.js';

/** Options for {@link createApiClient}. */
export interface ApiClientOptions {
  /** Base URL of the plugin's API, e.g. `http://localhost:7007/api/todo`. */
  baseUrl: string | (() => string | Promise<string>);
  /** The fetch to use; pass one that adds the caller's token. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** Per-call options of a client method: cancellation and extra headers (e.g. `Accept`). */
export interface ApiCallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Present<TSpec extends RouteSpec> = {
  [K in keyof RouteRequest<TSpec> as RouteRequest<TSpec>[K] extends undefined
    ? never
    : K]: RouteRequest<TSpec>[K];
};
// A part every field of which is optional (a query of filters, say) may be left out.
type IsOptional<T> = undefined extends T ? true : Record<string, never> extends T ? true : false;
type ArgsOf<TSpec extends RouteSpec> = {
  [K in keyof Present<TSpec> as IsOptional<Present<TSpec>[K]> extends true ? K : never]?: Present<TSpec>[K];
} & {
  [K in keyof Present<TSpec> as IsOptional<Present<TSpec>[K]> extends true ? never : K]: Present<TSpec>[K];
};

/**
 * What a client method resolves with: the parsed response body, or for a `streaming`
 * route without a JSON `response` (SSE, a file) the `Response` itself, its body unread.
 */
export type ApiClientResult<TSpec extends RouteSpec> = TSpec['streaming'] extends true
  ? TSpec['response'] extends z.ZodType
    ? RouteResponse<TSpec>
    : Response
  : RouteResponse<TSpec>;

/** A typed client: one async method per route of the API. */
export type ApiClient<TRoutes extends Record<string, RouteSpec>> = {
  [K in keyof TRoutes]: Record<string, never> extends ArgsOf<TRoutes[K]>
    ? (args?: ArgsOf<TRoutes[K]>, options?: ApiCallOptions) => Promise<ApiClientResult<TRoutes[K]>>
    : (args: ArgsOf<TRoutes[K]>, options?: ApiCallOptions) => Promise<ApiClientResult<TRoutes[K]>>;
};

type Args = { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };

function fillPath(name: string, spec: RouteSpec, params: Record<string, unknown> | undefined): string {
  return spec.path.replace(/:([A-Za-z0-9_]+)/g, (_, param: string) => {
    const value = params?.[param];
    if (value === undefined || value === null) {
      throw new AtriumError(
        httpApiErrorCodes.HTTP_API_MISSING_PATH_PARAMETER,
        `route '${name}' (${spec.method} ${spec.path}) was called without path parameter '${param}'; pass it in params`,
        { details: { route: name, param } },
      );
    }
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// The route schema is the contract: a body that does not fit it fails here, naming the
// route, instead of somewhere in the UI as `undefined is not a function`.
function parseResponse(name: string, spec: RouteSpec, body: unknown): unknown {
  if (!spec.response) return body;
  const result = spec.response.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at '${issue.path.join('.')}'` : '';
  throw new AtriumError(
    httpApiErrorCodes.HTTP_API_INVALID_RESPONSE,
    `${spec.method} ${spec.path} (route '${name}') answered with a body that breaks its contract${where}: ${issue?.message}. ` +
      'Check that client and server run the same version of the API.',
    { details: { route: name }, cause: result.error },
  );
}

async function readBody(name: string, spec: RouteSpec, response: Response): Promise<unknown> {
  if (spec.streaming && !spec.response) return response;
  if (response.status === 204) return parseResponse(name, spec, undefined);
  const text = await response.text();
  return parseResponse(name, spec, text ? JSON.parse(text) : undefined);
}

/**
 * Builds a typed client for an HTTP API contract. Each route becomes a method taking
 * `{ params, query, body }` as the route declares them; an error answer rejects with a
 * `ResponseError`, a body that does not match the route's `response` schema with
 * `HTTP_API_INVALID_RESPONSE`.
 *
 * @example
 * const todos = createApiClient(todoApi, { baseUrl: 'http://localhost:7007/api/todo', fetch: authedFetch });
 * const list = await todos.listTodos();
 */
export function createApiClient<TRoutes extends Record<string, RouteSpec>>(
  api: HttpApi<TRoutes>,
  options: ApiClientOptions,
): ApiClient<TRoutes> {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = async () =>
    (typeof options.baseUrl === 'function' ? await options.baseUrl() : options.baseUrl).replace(/\/$/, '');
  const client: Record<string, (args?: Args, call?: ApiCallOptions) => Promise<unknown>> = {};
  for (const [name, spec] of Object.entries(api.routes)) {
    client[name] = async (args = {}, call = {}) => {
      const url = `${await baseUrl()}${fillPath(name, spec, args.params)}${queryString(args.query)}`;
      const hasBody = args.body !== undefined;
      const response = await doFetch(url, {
        method: spec.method,
        headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...call.headers },
        body: hasBody ? JSON.stringify(args.body) : undefined,
        signal: call.signal,
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return readBody(name, spec, response);
    };
  }
  return client as ApiClient<TRoutes>;
}
