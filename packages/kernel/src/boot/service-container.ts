import type { ServiceFactory } from '../definitions/service-factory.js';
import type { ResolvedServices, ServiceRef, ServiceRefs, ServiceScope } from '../definitions/service-ref.js';
import type { PluginMetadataService } from '../services/metadata/metadata-service.js';
import { kernelErrors } from './kernel-errors.js';

type AnyFactory = ServiceFactory<unknown>;

/** Values a forked container gives instead of the parent's (created on first use). */
export type ServiceOverrides = ReadonlyMap<string, () => unknown>;

/**
 * Creates service instances on first use: root services once per backend, plugin
 * services once per plugin (with one shared root context per factory).
 */
export class ServiceContainer {
  readonly #factories: Map<string, AnyFactory>;
  readonly #root = new Map<string, Promise<unknown>>();
  readonly #contexts: Map<string, Promise<unknown>>;
  readonly #perPlugin = new Map<string, Promise<unknown>>();
  readonly #parent: ServiceContainer | undefined;
  readonly #overrides: ServiceOverrides;
  readonly #overridden = new Map<string, Promise<unknown>>();

  constructor(
    factories: ReadonlyMap<string, AnyFactory>,
    fork?: { parent: ServiceContainer; overrides: ServiceOverrides; contexts: Map<string, Promise<unknown>> },
  ) {
    this.#factories = new Map(factories);
    this.#parent = fork?.parent;
    this.#overrides = fork?.overrides ?? new Map();
    this.#contexts = fork?.contexts ?? new Map();
  }

  /**
   * A container for one runtime plugin generation: fresh plugin-scoped services, root
   * services shared with this one (created here, so a generation's teardown never owns
   * them), and `overrides` in place of some services for the generation's own factories.
   */
  fork(overrides: ServiceOverrides): ServiceContainer {
    return new ServiceContainer(this.#factories, { parent: this, overrides, contexts: this.#contexts });
  }

  /** Adds factories for services nothing used at boot (a runtime plugin's new dependencies). */
  addFactories(factories: ReadonlyMap<string, AnyFactory>): void {
    for (const [id, factory] of factories) {
      if (!this.#factories.has(id)) this.#factories.set(id, factory);
      this.#parent?.addFactories(new Map([[id, factory]]));
    }
  }

  /** The factories this container knows, by service id. */
  factories(): ReadonlyMap<string, AnyFactory> {
    return this.#factories;
  }

  /** The instance of a service for a plugin (root services ignore the plugin). */
  get<T>(ref: ServiceRef<T, ServiceScope>, pluginId: string): Promise<T> {
    if (ref.id === 'core.pluginMetadata') {
      return Promise.resolve({ getId: () => pluginId } satisfies PluginMetadataService as T);
    }
    const override = this.#overrides.get(ref.id);
    if (override) return this.#memo(this.#overridden, ref.id, async () => override()) as Promise<T>;
    const factory = this.#factories.get(ref.id);
    if (!factory) return Promise.reject(kernelErrors.missingService(`plugin '${pluginId}'`, ref.id));
    if (factory.service.scope === 'root') {
      if (this.#parent) return this.#parent.get(ref, pluginId);
      return this.#memo(this.#root, ref.id, () => this.#createRoot(factory)) as Promise<T>;
    }
    return this.#memo(this.#perPlugin, `${ref.id}\u0000${pluginId}`, () =>
      this.#createForPlugin(factory, pluginId),
    ) as Promise<T>;
  }

  /** Resolves a `deps` map for a plugin. */
  async resolve<TDeps extends ServiceRefs>(deps: TDeps, pluginId: string): Promise<ResolvedServices<TDeps>> {
    const entries = await Promise.all(
      Object.entries(deps).map(async ([name, ref]) => [name, await this.get(ref, pluginId)] as const),
    );
    return Object.fromEntries(entries) as ResolvedServices<TDeps>;
  }

  /** Root services already created, in creation order (for shutdown diagnostics). */
  createdRootIds(): string[] {
    return [...this.#root.keys()];
  }

  #memo(map: Map<string, Promise<unknown>>, key: string, create: () => Promise<unknown>) {
    let instance = map.get(key);
    if (!instance) {
      instance = create();
      map.set(key, instance);
    }
    return instance;
  }

  async #createRoot(factory: AnyFactory) {
    const deps = await this.resolve(factory.deps, 'root');
    return factory.factory(deps, undefined);
  }

  async #createForPlugin(factory: AnyFactory, pluginId: string) {
    const context = await this.#memo(this.#contexts, factory.service.id, async () => {
      if (!factory.createRootContext) return undefined;
      const rootDeps = Object.fromEntries(
        Object.entries(factory.deps).filter(([, ref]) => ref.scope === 'root'),
      );
      return factory.createRootContext(await this.resolve(rootDeps, 'root'));
    });
    const deps = await this.resolve(factory.deps, pluginId);
    return factory.factory(deps, context);
  }
}
