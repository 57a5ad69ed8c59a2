import { AtriumError } from '@atrium/errors';
import { webKernelErrorCodes } from '../web-kernel-error-codes.js';
import type { AnyApiFactory, ApiRef } from './api-ref.js';

/** Holds the app's utility APIs; each is built on first use, after its dependencies. */
export interface ApiRegistry {
  /** The implementation of `ref`; throws `WEB_API_MISSING` when no extension provides it. */
  get<TApi>(ref: ApiRef<TApi>): TApi;
  has(ref: ApiRef<unknown>): boolean;
}

/**
 * Creates a registry from API factories; the first factory for an API id wins.
 *
 * @example
 * const apis = createApiRegistry([defineApiFactory({ api: clockApiRef, deps: {}, factory: () => new Clock() })]);
 */
export function createApiRegistry(factories: readonly AnyApiFactory[]): ApiRegistry {
  const factoryById = new Map<string, AnyApiFactory>();
  for (const factory of factories) {
    if (!factoryById.has(factory.api.id)) factoryById.set(factory.api.id, factory);
  }
  const instances = new Map<string, unknown>();

  function build(id: string, path: readonly string[]): unknown {
    if (instances.has(id)) return instances.get(id);
    const factory = factoryById.get(id);
    if (!factory) {
      const neededBy = path.length > 0 ? `, which API '${path[path.length - 1]}' depends on,` : '';
      throw new AtriumError(
        webKernelErrorCodes.WEB_API_MISSING,
        `no implementation of API '${id}'${neededBy} is installed. Add the plugin that provides it ` +
          `(an ApiBlueprint extension for '${id}') to the app's features, or enable its 'api:' extension.`,
        { details: { apiId: id } },
      );
    }
    if (path.includes(id)) {
      throw new AtriumError(
        webKernelErrorCodes.WEB_API_CYCLE,
        `utility APIs depend on each other in a cycle: ${[...path, id].map((p) => `'${p}'`).join(' -> ')}. ` +
          'Break the cycle by looking one of them up lazily.',
        { details: { cycle: [...path, id] } },
      );
    }
    const deps: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(factory.deps)) deps[name] = build(ref.id, [...path, id]);
    const instance = factory.factory(deps);
    instances.set(id, instance);
    return instance;
  }

  return {
    get: <TApi>(ref: ApiRef<TApi>) => build(ref.id, []) as TApi,
    has: (ref) => factoryById.has(ref.id),
  };
}
