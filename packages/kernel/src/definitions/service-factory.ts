import type { ResolvedServices, ServiceRef, ServiceRefs, ServiceScope } from './service-ref.js';

/** Builds the instance of one service, for the backend (root) or for one plugin. */
export interface ServiceFactory<T, TScope extends ServiceScope = ServiceScope> {
  readonly $$type: '@atrium/ServiceFactory';
  readonly service: ServiceRef<T, TScope>;
  readonly deps: ServiceRefs;
  /** Plugin scope only: runs once, with the root services among `deps`; its result is shared. */
  readonly createRootContext?: (deps: Record<string, unknown>) => unknown;
  readonly factory: (deps: Record<string, unknown>, context: unknown) => T | Promise<T>;
}

type RootOnly<TDeps extends ServiceRefs> = {
  [K in keyof TDeps as TDeps[K] extends ServiceRef<unknown, 'root'> ? K : never]: TDeps[K];
};

/** Options of a root-scoped factory. */
export interface RootServiceFactoryOptions<T, TDeps extends ServiceRefs> {
  service: ServiceRef<T, 'root'>;
  deps: TDeps;
  factory(deps: ResolvedServices<TDeps>): T | Promise<T>;
}

/** Options of a plugin-scoped factory. */
export interface PluginServiceFactoryOptions<T, TDeps extends ServiceRefs, TContext> {
  service: ServiceRef<T, 'plugin'>;
  deps: TDeps;
  createRootContext?(deps: ResolvedServices<RootOnly<TDeps>>): TContext | Promise<TContext>;
  factory(deps: ResolvedServices<TDeps>, context: TContext): T | Promise<T>;
}

/**
 * Declares how a service is built. Adding a factory to the backend replaces the default
 * factory of the same ref.
 *
 * @example
 * backend.add(defineServiceFactory({
 *   service: coreServices.cache,
 *   deps: { config: coreServices.rootConfig },
 *   factory: ({ config }) => createMyCache(config),
 * }));
 */
export function defineServiceFactory<T, TDeps extends ServiceRefs>(
  options: RootServiceFactoryOptions<T, TDeps>,
): ServiceFactory<T, 'root'>;
export function defineServiceFactory<T, TDeps extends ServiceRefs, TContext = undefined>(
  options: PluginServiceFactoryOptions<T, TDeps, TContext>,
): ServiceFactory<T, 'plugin'>;
export function defineServiceFactory(
  options:
    | RootServiceFactoryOptions<unknown, ServiceRefs>
    | PluginServiceFactoryOptions<unknown, ServiceRefs, unknown>,
): ServiceFactory<unknown> {
  return {
    $$type: '@atrium/ServiceFactory',
    service: options.service,
    deps: options.deps,
    createRootContext:
      'createRootContext' in options
        ? (options.createRootContext as ServiceFactory<unknown>['createRootContext'])
        : undefined,
    factory: options.factory as ServiceFactory<unknown>['factory'],
  };
}
