/** A canned error answer for a route a test wants to fail. */
interface CatalogFailure {
  status: number;
  name: string;
  message: string;
}

/** The UI's traffic to a test backend: recorded, and faults injected on request. */
export interface CatalogTraffic {
  /** Install as the global `fetch`: adds a user's token and forwards to the backend. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Every catalog request as `METHOD /path?query`, the path relative to `/api/catalog`. */
  requests: string[];
  /** The JSON bodies of non-GET catalog requests, in order. */
  bodies: unknown[];
  /** Answers `METHOD /path` with an error (as the server would word it) until {@link heal}. */
  fail(key: string, failure: CatalogFailure): void;
  heal(key: string): void;
  /** Holds `METHOD /path` until the returned function is called. */
  stall(key: string): () => void;
  /** Forgets the recorded requests and the injected faults. */
  reset(): void;
}

const catalogBase = '/api/catalog';

/**
 * The fetch a UI test installs in front of a real backend. The UI's own requests pass
 * through untouched apart from the token (the app under test has no sign-in); faults
 * stand in for what a test cannot make a healthy backend do (fail now, answer late).
 *
 * @example
 * const traffic = createCatalogTraffic(backend.url, await backend.userToken());
 * vi.stubGlobal('fetch', traffic.fetch);
 */
export function createCatalogTraffic(backendUrl: string, token: string): CatalogTraffic {
  // The environment's fetch (happy-dom's, with its CORS rules), captured before the test replaces it.
  const forward = globalThis.fetch.bind(globalThis);
  const requests: string[] = [];
  const bodies: unknown[] = [];
  const failures = new Map<string, CatalogFailure>();
  const stalls = new Map<string, Promise<void>>();

  async function fetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    if (url.origin === new URL(backendUrl).origin && !headers.has('authorization'))
      headers.set('authorization', `Bearer ${token}`);
    if (!url.pathname.startsWith(catalogBase)) return forward(url.href, { ...init, headers });
    const key = `${method} ${url.pathname.slice(catalogBase.length)}`;
    requests.push(`${key}${url.search}`);
    if (method !== 'GET' && typeof init.body === 'string') bodies.push(JSON.parse(init.body));
    await stalls.get(key);
    const failure = failures.get(key);
    if (failure) {
      const body = {
        error: { name: failure.name, message: failure.message },
        response: { statusCode: failure.status },
      };
      return Response.json(body, { status: failure.status });
    }
    return forward(url.href, { ...init, headers });
  }

  return {
    fetch,
    requests,
    bodies,
    fail: (key, failure) => void failures.set(key, failure),
    heal: (key) => void failures.delete(key),
    reset() {
      requests.length = 0;
      bodies.length = 0;
      failures.clear();
      stalls.clear();
    },
    stall(key) {
      let release: () => void = () => undefined;
      stalls.set(key, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        stalls.delete(key);
        release();
      };
    },
  };
}
