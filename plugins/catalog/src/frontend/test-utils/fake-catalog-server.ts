import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { entitySearchValues } from './entity-values.js';

/** A canned answer for a request the test wants to fail or slow down. */
export interface FakeFailure {
  status: number;
  name: string;
  message: string;
}

/** Options of {@link createFakeCatalogServer}. */
export interface FakeCatalogOptions {
  /** `POST /locations` (dry run or not) answers with these entities for a target. */
  locations?: Record<string, Entity[]>;
  /** `POST /analyze-location` answers with this for any target. */
  analyze?: unknown;
}

const json = (body: unknown, status = 200) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

const errorResponse = (failure: FakeFailure, request: string) =>
  json(
    {
      error: { name: failure.name, message: failure.message },
      request: { url: request },
      response: { statusCode: failure.status },
    },
    failure.status,
  );

function matchesSet(values: Map<string, string[]>, set: string): boolean {
  const wanted = new Map<string, string[] | null>();
  for (const part of set.split(',')) {
    const [key = '', ...rest] = part.split('=');
    const k = key.trim().toLowerCase();
    if (rest.length === 0) wanted.set(k, null);
    else wanted.set(k, [...(wanted.get(k) ?? []), rest.join('=').trim().toLowerCase()]);
  }
  return [...wanted].every(([key, options]) => {
    const have = values.get(key)?.map((v) => v.toLowerCase());
    if (!have) return false;
    return options === null || options.some((option) => have.includes(option));
  });
}

/**
 * An in-memory stand-in for the catalog backend, answering the REST calls the UI makes
 * the way the contract says (filters, facets, cursor paging, by-refs, locations). It records
 * every request and can be told to fail or stall a path.
 *
 * @example
 * const server = createFakeCatalogServer(entities);
 * vi.stubGlobal('fetch', server.fetch);
 */
export function createFakeCatalogServer(initial: Entity[], options: FakeCatalogOptions = {}) {
  let entities = [...initial];
  const requests: string[] = [];
  const bodies: unknown[] = [];
  const failures = new Map<string, FakeFailure>();
  const stalls = new Map<string, Promise<void>>();
  const registered = new Set<string>();

  const byRef = (ref: string) => entities.find((e) => stringifyEntityRef(e) === ref.toLowerCase()) ?? null;
  const filtered = (filters: string[]) =>
    filters.length === 0
      ? entities
      : entities.filter((entity) => {
          const values = entitySearchValues(entity);
          return filters.some((set) => matchesSet(values, set));
        });

  function query(params: URLSearchParams) {
    const cursor = params.get('cursor');
    const state = cursor
      ? (JSON.parse(atob(cursor)) as {
          filters: string[];
          order: string | null;
          term: string | null;
          fields: string | null;
          offset: number;
        })
      : {
          filters: params.getAll('filter'),
          order: params.get('orderField'),
          term: params.get('fullTextFilterTerm'),
          fields: params.get('fullTextFilterFields'),
          offset: 0,
        };
    const limit = Number(params.get('limit') ?? 20);
    let items = filtered(state.filters);
    if (state.term) {
      const fields = (state.fields ?? 'metadata.uid').split(',').map((f) => f.toLowerCase());
      const term = state.term.toLowerCase();
      items = items.filter((e) => {
        const values = entitySearchValues(e);
        return fields.some((f) => values.get(f)?.some((v) => v.toLowerCase().includes(term)));
      });
    }
    if (state.order) {
      const [field = '', direction] = state.order.split(',');
      const key = (e: Entity) => entitySearchValues(e).get(field.toLowerCase())?.[0]?.toLowerCase();
      items = items
        .filter((e) => key(e) !== undefined)
        .sort((a, b) => (key(a) ?? '').localeCompare(key(b) ?? ''));
      if (direction === 'desc') items.reverse();
    }
    const page = items.slice(state.offset, state.offset + limit);
    const encode = (offset: number) => btoa(JSON.stringify({ ...state, offset }));
    return {
      items: page,
      totalItems: items.length,
      pageInfo: {
        ...(state.offset + limit < items.length ? { nextCursor: encode(state.offset + limit) } : {}),
        ...(state.offset > 0 ? { prevCursor: encode(Math.max(0, state.offset - limit)) } : {}),
      },
    };
  }

  function facets(params: URLSearchParams) {
    const result: Record<string, { value: string; count: number }[]> = {};
    const matching = filtered(params.getAll('filter'));
    for (const facet of params.getAll('facet')) {
      const counts = new Map<string, number>();
      for (const entity of matching) {
        for (const value of new Set(entitySearchValues(entity).get(facet.toLowerCase()) ?? [])) {
          counts.set(value, (counts.get(value) ?? 0) + 1);
        }
      }
      result[facet] = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => a.value.localeCompare(b.value));
    }
    return { facets: result };
  }

  async function handle(method: string, url: URL, body: Record<string, unknown>): Promise<Response> {
    const path = url.pathname.replace(/^\/api\/catalog/, '');
    if (method === 'GET' && path === '/entities/by-query') return json(query(url.searchParams));
    if (method === 'GET' && path === '/entity-facets') return json(facets(url.searchParams));
    const byName = /^\/entities\/by-name\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
    if (method === 'GET' && byName) {
      const [, kind = '', namespace = '', name = ''] = byName.map(decodeURIComponent);
      const entity = byRef(`${kind}:${namespace}/${name}`);
      return entity
        ? json(entity)
        : errorResponse(
            {
              status: 404,
              name: 'NotFoundError',
              message: `No entity named '${kind}:${namespace}/${name}' found`,
            },
            path,
          );
    }
    if (method === 'POST' && path === '/entities/by-refs') {
      return json({ items: (body.entityRefs as string[]).map((ref) => byRef(ref)) });
    }
    if (method === 'POST' && path === '/analyze-location')
      return json(options.analyze ?? { existingEntityFiles: [], generateEntities: [] });
    if (method === 'POST' && path === '/locations') {
      const { type, target } = body as { type: string; target: string };
      const found = options.locations?.[target];
      if (!found)
        return errorResponse(
          { status: 400, name: 'InputError', message: `Unable to read ${type}, ${target}` },
          path,
        );
      const location = {
        id: registered.has(target) ? 'existing-id' : `${type}:${target}`,
        type,
        target,
        entityRef: `location:default/generated-${found.length}`,
      };
      if (url.searchParams.get('dryRun') === 'true')
        return json({ exists: registered.has(target), location, entities: found }, 201);
      if (registered.has(target))
        return errorResponse(
          { status: 409, name: 'ConflictError', message: `Location ${type}:${target} already exists` },
          path,
        );
      registered.add(target);
      // Ingestion is asynchronous: the entities show up a moment after registration.
      setTimeout(() => {
        entities = [...entities, ...found];
      }, 50);
      return json({ location: { ...location, id: 'new-id' }, entities: [] }, 201);
    }
    if (method === 'POST' && path === '/refresh') return new Response(null, { status: 200 });
    const byUid = /^\/entities\/by-uid\/(.+)$/.exec(path);
    if (method === 'DELETE' && byUid) {
      entities = entities.filter((e) => e.metadata.uid !== decodeURIComponent(byUid[1] ?? ''));
      return new Response(null, { status: 204 });
    }
    return errorResponse({ status: 404, name: 'NotFoundError', message: `No route ${method} ${path}` }, path);
  }

  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const key = `${method} ${url.pathname.replace(/^\/api\/catalog/, '')}`;
    requests.push(`${key}${url.search}`);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    if (method !== 'GET') bodies.push(body);
    await stalls.get(key);
    const failure = failures.get(key);
    if (failure) return errorResponse(failure, key);
    return handle(method, url, body);
  };

  return {
    fetch,
    /** Every request as `METHOD /path?query`, path relative to the catalog's base URL. */
    requests,
    /** The JSON bodies of non-GET requests, in order. */
    bodies,
    /** Answers `METHOD /path` with an error until {@link heal} is called. */
    fail: (key: string, failure: FakeFailure) => failures.set(key, failure),
    heal: (key: string) => failures.delete(key),
    /** Holds `METHOD /path` until the returned function is called. */
    stall(key: string): () => void {
      let release: () => void = () => undefined;
      stalls.set(
        key,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return () => {
        stalls.delete(key);
        release();
      };
    },
  };
}

/** The fake server's type. */
export type FakeCatalogServer = ReturnType<typeof createFakeCatalogServer>;
