/** A served entity, as far as the benchmark looks at it. */
export interface ServedEntity {
  kind: string;
  metadata: { name: string; namespace?: string; description?: string };
  relations?: { type: string; targetRef: string }[];
}

/** A by-query page. */
export interface QueryPage {
  items: ServedEntity[];
  totalItems: number;
  pageInfo: { nextCursor?: string; prevCursor?: string };
}

/** Minimal authenticated access to one backend's `/api/catalog` (or another plugin's API). */
export interface CatalogHttp {
  baseUrl: string;
  headers: Record<string, string>;
  /** GET a path under /api/catalog; throws with the body on a non-2xx answer. */
  get<T>(path: string): Promise<T>;
  /** POST JSON to a path under /api/catalog; returns the status and parsed body (if any). */
  post<T>(path: string, body: unknown): Promise<{ status: number; body: T | undefined }>;
}

/**
 * Creates the benchmark's catalog client (plain fetch: the benchmark measures the server,
 * not a client library).
 *
 * @example
 * const http = createCatalogHttp(port, token);
 * const { totalItems } = await http.get<QueryPage>('/entities/by-query?limit=0');
 */
export function createCatalogHttp(port: number, token: string, pluginId = 'catalog'): CatalogHttp {
  const baseUrl = `http://127.0.0.1:${port}/api/${pluginId}`;
  const headers = { authorization: `Bearer ${token}` };
  return {
    baseUrl,
    headers,
    async get<T>(path: string) {
      const response = await fetch(`${baseUrl}${path}`, { headers });
      const text = await response.text();
      if (!response.ok)
        throw new Error(`GET /api/${pluginId}${path} answered ${response.status}: ${text.slice(0, 500)}`);
      return JSON.parse(text) as T;
    },
    async post<T>(path: string, body: unknown) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as T) : undefined };
    },
  };
}
