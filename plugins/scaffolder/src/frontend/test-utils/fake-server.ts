// A stand-in for the backends in UI tests whose server decisions a test scripts (a refused
// submission, a run's events). It cannot drift from the real API: requests and answers
// are held to the routes of the plugins' API definitions, the ones the real servers implement.
import { catalogApi } from '@atrium/catalog/common';
import type { HttpApi, RouteSpec } from '@atrium/http-api';
import { scaffolderApi } from '../../common/index.js';

/** A recorded request, with the route of the API definition it matched. */
interface FakeRequest {
  /** `<plugin>.<route>`, e.g. `scaffolder.createTask`. */
  route: string;
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

/** Answers one route; its request already met the route's schemas. */
export type FakeRoute = (request: FakeRequest) => Response | Promise<Response>;

const apis: Record<string, HttpApi> = { catalog: catalogApi, scaffolder: scaffolderApi };

function pathPattern(path: string): RegExp {
  return new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`);
}

function findRoute(method: string, pathname: string): { name: string; spec: RouteSpec } | undefined {
  const [, plugin = '', rest = ''] = /^\/api\/([^/]+)(\/.*)$/.exec(pathname) ?? [];
  for (const [name, spec] of Object.entries(apis[plugin]?.routes ?? {})) {
    if (spec.method === method && pathPattern(spec.path).test(rest))
      return { name: `${plugin}.${name}`, spec };
  }
  return undefined;
}

function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

function problem(route: string, part: string, error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const issue = error.issues[0];
  return `${route}: the ${part} breaks the API definition at '${issue?.path.join('.')}': ${issue?.message}`;
}

async function checkAnswer(route: string, spec: RouteSpec, response: Response): Promise<string | undefined> {
  if (!response.ok || !spec.response || spec.streaming) return undefined;
  const parsed = spec.response.safeParse(await response.clone().json());
  return parsed.success ? undefined : problem(route, 'canned answer', parsed.error);
}

/**
 * A fake `fetch` answering routes of the catalog and scaffolder API definitions by name.
 * A request the real server would refuse, an answer the real server could not give, or a
 * route with no answer here is recorded in `violations` (and answered 400 / 404), which
 * the test asserts empty.
 *
 * @example
 * const server = createFakeServer({ 'scaffolder.getTask': () => Response.json(task) });
 * vi.stubGlobal('fetch', server.fetch);
 */
export function createFakeServer(routes: Record<string, FakeRoute>) {
  const requests: FakeRequest[] = [];
  const violations: string[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const found = findRoute(method, url.pathname);
    const route = found?.name ?? `${method} ${url.pathname}`;
    requests.push({ route, method, path: url.pathname, search: url.searchParams, body });
    const handler = routes[route];
    if (!found || !handler) {
      violations.push(`${route}: no ${found ? 'answer for this route' : 'such route'} in the fake`);
      return Response.json(
        { error: { name: 'NotFoundError', message: `no route ${route}` } },
        { status: 404 },
      );
    }
    for (const [part, schema, value] of [
      ['query', found.spec.query, queryObject(url.searchParams)],
      ['body', found.spec.body, body],
    ] as const) {
      const parsed = schema?.safeParse(value);
      if (parsed && !parsed.success) {
        violations.push(problem(route, `request ${part}`, parsed.error));
        return Response.json({ error: { name: 'InputError', message: `bad ${part}` } }, { status: 400 });
      }
    }
    const response = await handler(requests.at(-1) as FakeRequest);
    const broken = await checkAnswer(route, found.spec, response);
    if (broken) violations.push(broken);
    return response;
  };
  return { fetch, requests, violations };
}

/** A `text/event-stream` response carrying the given events, then closing. */
export function sseResponse(events: { type: string }[]): Response {
  const text = events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join('');
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}
