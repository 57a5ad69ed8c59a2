import { AtriumError } from '@atrium/errors';
import type { z } from 'zod';
import { kernelErrorCodes } from '../kernel-error-codes.js';
import type { ExtensionPoints, ExtensionWriters } from './extension-point.js';
import type { ResolvedServices, ServiceRefs } from './service-ref.js';

/** What a module's init receives. */
export interface ModuleInitContext<TDeps extends ServiceRefs, TConfig, TPoints extends ExtensionPoints> {
  deps: ResolvedServices<TDeps>;
  config: TConfig;
  /** Writers for the extension points the module declared; usable during init only. */
  extensions: ExtensionWriters<TPoints>;
}

/** The manifest of a module. */
export interface ModuleOptions<
  TDeps extends ServiceRefs,
  TConfigSchema extends z.ZodType | undefined,
  TPoints extends ExtensionPoints,
> {
  /** Id of the plugin this module extends. */
  plugin: string;
  /** Kebab-case id, unique within the plugin; the full id is `<plugin>.<id>`. */
  id: string;
  description?: string;
  config?: TConfigSchema;
  /** Config key of the module's subtree; a module has no config unless it sets this. */
  configKey?: string;
  deps: TDeps;
  /** Extension points of its plugin that the module adds to. */
  extensionPoints?: TPoints;
  init(
    context: ModuleInitContext<
      TDeps,
      TConfigSchema extends z.ZodType ? z.output<TConfigSchema> : undefined,
      TPoints
    >,
  ): void | Promise<void>;
}

/** A declared module, ready to add to a backend. */
export interface ModuleFeature {
  readonly $$type: '@atrium/Module';
  readonly plugin: string;
  readonly id: string;
  /** `<plugin>.<id>` */
  readonly fullId: string;
  readonly description?: string;
  readonly config?: z.ZodType;
  readonly configKey?: string;
  readonly deps: ServiceRefs;
  readonly extensionPoints: ExtensionPoints;
  readonly init: (context: ModuleInitContext<ServiceRefs, unknown, ExtensionPoints>) => void | Promise<void>;
}

const idPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares a module: it extends exactly one plugin through that plugin's extension
 * points and initialises before the plugin.
 *
 * @example
 * export const catalogGithubModule = defineModule({
 *   plugin: 'catalog', id: 'github',
 *   deps: { logger: coreServices.logger },
 *   extensionPoints: { providers: catalogProvidersPoint },
 *   init({ extensions }) { extensions.providers.add(createGithubProvider()); },
 * });
 */
export function defineModule<
  TDeps extends ServiceRefs,
  TConfigSchema extends z.ZodType | undefined = undefined,
  TPoints extends ExtensionPoints = Record<never, never>,
>(options: ModuleOptions<TDeps, TConfigSchema, TPoints>): ModuleFeature {
  if (!idPattern.test(options.plugin)) {
    throw new AtriumError(
      kernelErrorCodes.KERNEL_INVALID_PLUGIN_ID,
      `module '${options.id}' names plugin id '${options.plugin}', which is not valid. Plugin ids are kebab-case, such as 'catalog'; use the id of the plugin it extends`,
      { details: { pluginId: options.plugin, moduleId: options.id } },
    );
  }
  if (!idPattern.test(options.id)) {
    throw new AtriumError(
      kernelErrorCodes.KERNEL_INVALID_MODULE_ID,
      `module id '${options.id}' of plugin '${options.plugin}' is not valid. Module ids are kebab-case, such as 'github' (the full id becomes '${options.plugin}.<id>'); rename it`,
      { details: { pluginId: options.plugin, moduleId: options.id } },
    );
  }
  return {
    $$type: '@atrium/Module',
    plugin: options.plugin,
    id: options.id,
    fullId: `${options.plugin}.${options.id}`,
    description: options.description,
    config: options.config,
    configKey: options.configKey,
    deps: options.deps,
    extensionPoints: options.extensionPoints ?? {},
    init: options.init as ModuleFeature['init'],
  };
}
