/** A typed handle for a utility API (a client, a service of the app); `useApi(ref)` returns its implementation. */
export interface ApiRef<TApi> {
  readonly $$type: '@atrium/ApiRef';
  /** Dotted id, e.g. `core.fetch` or `catalog.client`. */
  readonly id: string;
  /** Carries the API type only; never set at run time. */
  readonly T?: TApi;
}

/**
 * Declares a utility API that extensions can provide with `ApiBlueprint` and use with `useApi`.
 *
 * @example
 * export const catalogApiRef = defineApiRef<CatalogApi>({ id: 'catalog.client' });
 */
export function defineApiRef<TApi>(options: { id: string }): ApiRef<TApi> {
  return {
    $$type: '@atrium/ApiRef',
    id: options.id,
    toString: () => `ApiRef{${options.id}}`,
  } as ApiRef<TApi>;
}

/** Maps a record of API types to the refs that provide them. */
export type ApiRefsFor<TDeps> = { [K in keyof TDeps]: ApiRef<TDeps[K]> };

/** How to build one API: which ref it implements, the APIs it needs, and the factory. */
export interface ApiFactory<TApi, TImpl extends TApi, TDeps> {
  api: ApiRef<TApi>;
  deps: ApiRefsFor<TDeps>;
  factory(deps: TDeps): TImpl;
}

/** Any API factory, whatever its types. */
export type AnyApiFactory = ApiFactory<unknown, unknown, Record<string, unknown>>;

/**
 * Declares how an API is built, with its dependencies typed from their refs.
 *
 * @example
 * defineApiFactory({
 *   api: catalogApiRef,
 *   deps: { fetchApi: fetchApiRef, discoveryApi: discoveryApiRef },
 *   factory: ({ fetchApi, discoveryApi }) => new CatalogClient({ fetchApi, discoveryApi }),
 * });
 */
export function defineApiFactory<TApi, TImpl extends TApi, TDeps extends Record<string, unknown>>(
  factory: ApiFactory<TApi, TImpl, TDeps>,
): ApiFactory<TApi, TImpl, TDeps> {
  return factory;
}
