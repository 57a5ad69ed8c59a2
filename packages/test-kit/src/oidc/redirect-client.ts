/** A cookie the client holds: sent to every port of the host, under its path (as browsers do). */
interface HeldCookie {
  name: string;
  value: string;
  path: string;
  attributes: string[];
}

/** One step of a followed redirect chain. */
export interface RedirectHop {
  url: string;
  status: number;
  location?: string;
}

/**
 * An HTTP client that behaves like a browser for a redirect sign-in: keeps cookies (host
 * wide, by path), follows redirects one hop at a time and records them, and can stop at a
 * URL so a test may tamper with it before going on.
 *
 * @example
 * const client = createRedirectClient();
 * const hops = await client.follow(`${backend}/api/auth/oidc/start?flow=redirect`);
 */
export interface RedirectClient {
  /** Requests `url` with the held cookies, storing what it sets; does not follow. */
  get(url: string, headers?: Record<string, string>): Promise<Response>;
  /** Follows redirects from `url` until an answer is not a redirect or `stopAt` matches the next URL. */
  follow(
    url: string,
    options?: { stopAt?: (next: URL) => boolean; maxHops?: number },
  ): Promise<RedirectHop[]>;
  /** The Set-Cookie lines the client received, newest last (to check the attributes). */
  readonly setCookies: string[];
  cookie(name: string): HeldCookie | undefined;
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

/** Creates a {@link RedirectClient}. */
export function createRedirectClient(): RedirectClient {
  const jar = new Map<string, HeldCookie>();
  const setCookies: string[] = [];
  const store = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const key = `${name} ${path}`;
      if (/max-age=0\b/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(key);
      else jar.set(key, { name, value: pair.slice(index + 1), path, attributes });
    }
  };
  const cookieHeader = (url: URL) =>
    [...jar.values()]
      .filter(
        (c) =>
          url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  const client: RedirectClient = {
    setCookies,
    cookie: (name) => [...jar.values()].find((c) => c.name === name),
    async fetch(url, init = {}) {
      const headers = new Headers(init.headers);
      const cookies = cookieHeader(new URL(url));
      if (cookies) headers.set('cookie', cookies);
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      store(response);
      return response;
    },
    get: (url, headers) => client.fetch(url, { headers }),
    async follow(url, options = {}) {
      const hops: RedirectHop[] = [];
      let next = url;
      for (let i = 0; i < (options.maxHops ?? 20); i++) {
        const response = await client.get(next);
        const location = response.headers.get('location') ?? undefined;
        hops.push({ url: next, status: response.status, location });
        await response.arrayBuffer();
        if (!location || response.status < 300 || response.status >= 400) return hops;
        const target = new URL(location, next);
        if (options.stopAt?.(target)) return hops;
        next = target.href;
      }
      throw new Error(`more than ${options.maxHops ?? 20} redirects from ${url}`);
    },
  };
  return client;
}
