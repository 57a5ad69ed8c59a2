import { AtriumError, ResponseError } from '@atrium/errors';
import type { HttpApi, RouteRequest, RouteResponse, RouteSpec } from './define-http-api.js';
import { httpApiErrorCodes } from './http-api-error-codes.js';

/** Options for {@link createApiClient}. */
export interface ApiClientOptions {
  /** Base URL of the plugin's API, e.g. `http://localhost:7007/api/todo`. */
  baseUrl: string | (() => string | Promise<string>);
  /** The fetch to use; pass one that adds the caller's token. */
  fetch?: typeof fetch;
}

type ArgsOf<TSpec extends RouteSpec> = {
  [K in keyof RouteRequest<TSpec> as RouteRequest<TSpec>[K] extends undefined
    ? never
    : K]: RouteRequest<TSpec>[K];
};

/** A typed client: one async method per route of the API. */
export type ApiClient<TRoutes extends Record<string, RouteSpec>> = {
  [K in keyof TRoutes]: keyof ArgsOf<TRoutes[K]> extends never
    ? (args?: Record<string, never>) => Promise<RouteResponse<TRoutes[K]>>
    : (args: ArgsOf<TRoutes[K]>) => Promise<RouteResponse<TRoutes[K]>>;
};

function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) {
      throw new AtriumError(
        httpApiErrorCodes.HTTP_API_MISSING_PATH_PARAMETER,
        `path parameter '${name}' of ${path} is missing; pass it in params`,
        { details: { path, parameter: name } },
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

/**
 * Builds a typed client for an HTTP API contract.
 *
 * @example
 * const todos = createApiClient(todoApi, { baseUrl: 'http://localhost:7007/api/todo', fetch: authedFetch });
 * const list = await todos.listTodos();
 */
export function createApiClient<TRoutes extends Record<string, RouteSpec>>(
  api: HttpApi<TRoutes>,
  options: ApiClientOptions,
): ApiClient<TRoutes> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const client: Record<string, (args?: Record<string, unknown>) => Promise<unknown>> = {};
  for (const [name, spec] of Object.entries(api.routes)) {
    client[name] = async (args = {}) => {
      const base = typeof options.baseUrl === 'function' ? await options.baseUrl() : options.baseUrl;
      const url = `${base.replace(/\/$/, '')}${fillPath(spec.path, args.params as Record<string, unknown>)}${queryString(args.query as Record<string, unknown>)}`;
      const hasBody = args.body !== undefined;
      const response = await doFetch(url, {
        method: spec.method,
        headers: hasBody ? { 'content-type': 'application/json' } : undefined,
        body: hasBody ? JSON.stringify(args.body) : undefined,
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      if (response.status === 204) return undefined;
      const text = await response.text();
      return text ? JSON.parse(text) : undefined;
    };
  }
  return client as ApiClient<TRoutes>;
}
