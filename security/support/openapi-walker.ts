import type { BackendFeatureInput } from '@atrium/kernel';
import type { HttpCaller } from './http-caller.js';
import type { RouteFixture, Subject } from './route-fixtures.js';

/** One route as a plugin's served OpenAPI document describes it. */
export interface ServedRoute {
  plugin: string;
  operationId: string;
  method: string;
  /** The full path, OpenAPI style: `/api/catalog/entities/by-uid/{uid}`. */
  path: string;
  /** The operation says `security: []`: no credential needed. */
  isPublic: boolean;
  pathParams: string[];
  requiredQuery: string[];
  hasBody: boolean;
}

/** `METHOD /api/<plugin>/<path>` as tests name a route. */
export const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

interface Operation {
  operationId: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: unknown;
}

/** The plugins of a feature list with the routes their manifests declare (known before anything runs). */
export function declaredRoutes(features: readonly BackendFeatureInput[]) {
  return features.flatMap((feature) => {
    const plugin = feature as {
      $$type?: string;
      id?: string;
      apis?: Array<{ routes: Record<string, unknown> }>;
    };
    if (plugin.$$type !== '@atrium/Plugin' || !plugin.id) return [];
    return (plugin.apis ?? []).flatMap((api) =>
      Object.entries(api.routes as Record<string, { method: string; path: string }>).map(([name, spec]) => ({
        plugin: plugin.id as string,
        operationId: name,
        method: spec.method,
        path: `/api/${plugin.id}${spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`,
      })),
    );
  });
}

/** Fetches `/api/<plugin>/openapi.json` of every plugin, without a credential (the documents are public). */
export async function fetchServedRoutes(
  caller: HttpCaller,
  plugins: readonly string[],
): Promise<ServedRoute[]> {
  const routes: ServedRoute[] = [];
  for (const plugin of plugins) {
    const reply = await caller.call('GET', `/api/${plugin}/openapi.json`);
    if (reply.status !== 200) throw new Error(`/api/${plugin}/openapi.json answered ${reply.status}`);
    const doc = reply.json as { paths: Record<string, Record<string, Operation>> };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const parameters = op.parameters ?? [];
        routes.push({
          plugin,
          operationId: op.operationId,
          method: method.toUpperCase(),
          path: `/api/${plugin}${path}`,
          isPublic: Array.isArray(op.security) && op.security.length === 0,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          requiredQuery: parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name),
          hasBody: op.requestBody !== undefined,
        });
      }
    }
  }
  return routes;
}

/** A filled request, or why the walker cannot fill the route. */
export type FilledRequest =
  | { method: string; path: string; body?: unknown; headers: Record<string, string> }
  | { unfillable: string };

/** Fills a route's path parameters, query and body from its fixture and a subject. */
export function fillRequest(
  route: ServedRoute,
  fixture: RouteFixture | undefined,
  subject: Subject,
): FilledRequest {
  const where = `${routeKey(route)} (${route.plugin}.${route.operationId})`;
  const params = fixture?.params?.(subject) ?? {};
  const query = fixture?.query?.(subject) ?? {};
  const missing = [
    ...route.pathParams.filter((p) => params[p] === undefined).map((p) => `path parameter '${p}'`),
    ...route.requiredQuery.filter((q) => query[q] === undefined).map((q) => `query parameter '${q}'`),
    ...(route.hasBody && !fixture?.body ? ['a request body'] : []),
  ];
  if (missing.length > 0 || (route.pathParams.length > 0 && !fixture)) {
    return {
      unfillable: `the permission walker cannot call ${where}: it needs ${missing.join(', ')}; add a fixture for '${route.plugin}.${route.operationId}' in security/support/route-fixtures.ts`,
    };
  }
  const path = route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  const search = new URLSearchParams(query).toString();
  return {
    method: route.method,
    path: search ? `${path}?${search}` : path,
    body: fixture?.body?.(subject),
    headers: fixture?.headers ?? {},
  };
}
