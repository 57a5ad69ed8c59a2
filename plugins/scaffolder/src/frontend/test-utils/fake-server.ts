// A stand-in for the backends in UI tests: routes by method and path, records requests.

/** A recorded request. */
export interface FakeRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

/** Answers one request; return undefined to fall through to 404. */
export type FakeRoute = (request: FakeRequest) => Response | Promise<Response> | undefined;

/** A fake `fetch` over a list of `[method, path pattern, handler]` routes. */
export function createFakeServer(routes: [string, RegExp, FakeRoute][]) {
  const requests: FakeRequest[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method, path: url.pathname, search: url.searchParams, body };
    requests.push(request);
    for (const [routeMethod, pattern, handler] of routes) {
      if (routeMethod !== method || !pattern.test(url.pathname)) continue;
      const response = await handler(request);
      if (response) return response;
    }
    return Response.json(
      { error: { name: 'NotFoundError', message: `no route ${method} ${url.pathname}` } },
      { status: 404 },
    );
  };
  return { fetch, requests };
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
