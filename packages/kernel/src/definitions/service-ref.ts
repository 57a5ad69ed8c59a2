import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../kernel-error-codes.js';
import type { ServiceFactory } from './service-factory.js';

/** Where a service lives: one instance per backend (`root`) or one per plugin (`plugin`). */
export type ServiceScope = 'root' | 'plugin';

/**
 * A typed handle to a service. Plugins list refs in `deps` and receive the instances,
 * typed, in `init`; no string lookups.
 */
export interface ServiceRef<T, TScope extends ServiceScope = ServiceScope> {
  readonly $$type: '@atrium/ServiceRef';
  /** Dotted id, e.g. `core.database` or `catalog.client`. */
  readonly id: string;
  readonly scope: TScope;
  /** Loads the factory used when the backend was given none for this ref. */
  readonly defaultFactory?: () => Promise<ServiceFactory<T, TScope>>;
  /** Type carrier only; never set at runtime. */
  readonly T?: T;
}

/** The service type a ref stands for. */
export type ServiceOf<TRef> = TRef extends ServiceRef<infer T, ServiceScope> ? T : never;

/** A map of named service refs, as in `deps`. */
export type ServiceRefs = Record<string, ServiceRef<unknown, ServiceScope>>;

/** The instances a `deps` map resolves to. */
export type ResolvedServices<TDeps extends ServiceRefs> = { [K in keyof TDeps]: ServiceOf<TDeps[K]> };

/** Options for {@link defineServiceRef}. */
export interface ServiceRefOptions<T, TScope extends ServiceScope> {
  id: string;
  scope?: TScope;
  defaultFactory?: () => Promise<ServiceFactory<T, TScope>>;
}

const servicePattern = /^[a-z][a-z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;

/**
 * Declares a service: its id, its scope (plugin by default) and optionally where its
 * default implementation lives.
 *
 * @example
 * export const catalogClientRef = defineServiceRef<CatalogClient>({ id: 'catalog.client' });
 */
export function defineServiceRef<T, TScope extends ServiceScope = 'plugin'>(
  options: ServiceRefOptions<T, TScope>,
): ServiceRef<T, TScope> {
  if (!servicePattern.test(options.id)) {
    throw new AtriumError(
      kernelErrorCodes.KERNEL_INVALID_SERVICE_ID,
      `service ref id '${options.id}' is not valid. Service ids are dotted segments starting with the owner's id, such as 'core.database' or 'catalog.client'; rename it`,
      { details: { serviceId: options.id } },
    );
  }
  return {
    $$type: '@atrium/ServiceRef',
    id: options.id,
    scope: (options.scope ?? 'plugin') as TScope,
    defaultFactory: options.defaultFactory,
  };
}
