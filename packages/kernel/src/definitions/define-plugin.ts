import { AtriumError, type ErrorCodes } from '@atrium/errors';
import type { HttpApi } from '@atrium/http-api';
import type { z } from 'zod';
import { kernelErrorCodes } from '../kernel-error-codes.js';
import type { FileRoots } from '../services/url-reader/file-access-rule.js';
import type { Permission } from './define-permission.js';
import type { ExtensionLists, ExtensionPoints } from './extension-point.js';
import type { Migrations } from './migrations.js';
import type { ResolvedServices, ServiceRefs } from './service-ref.js';

/** Hooks a plugin's init may return; `stop` runs at shutdown, in reverse boot order. */
export interface PluginHooks {
  /** Runs after every plugin has initialised, before the server accepts requests. */
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
  /**
   * Throws when the plugin cannot serve (a dependency down, data not ready). A runtime
   * plugin's new version must pass it before it takes over its routes.
   */
  health?(): void | Promise<void>;
}

/** What a plugin's init receives. */
export interface PluginInitContext<TDeps extends ServiceRefs, TConfig, TPoints extends ExtensionPoints> {
  deps: ResolvedServices<TDeps>;
  /** The plugin's config subtree, validated and with schema defaults applied. */
  config: TConfig;
  extensions: ExtensionLists<TPoints>;
}

/** The manifest of a plugin: static facts as data, behaviour in `init`. */
export interface PluginOptions<
  TDeps extends ServiceRefs,
  TConfigSchema extends z.ZodType | undefined,
  TPoints extends ExtensionPoints,
> {
  /** Kebab-case id; the plugin is mounted at `/api/<id>` and owns config key `<id>`. */
  id: string;
  description?: string;
  /** Schema of the config subtree at `configKey` (default: the plugin id). */
  config?: TConfigSchema;
  configKey?: string;
  deps: TDeps;
  permissions?: readonly Permission[];
  /**
   * Local directories the plugin's (trusted) config makes readable through `urlReader`,
   * grouped by the setting that grants them. The kernel reads this before init and builds
   * one rule from every plugin's roots: nothing else is readable, and the database
   * directory and config files never are. Relative paths resolve against the working
   * directory, like `catalog.locations` file targets.
   *
   * @example
   * fileRoots: (config) => [{ setting: 'docs.allowedFileRoots', paths: config.allowedFileRoots }],
   */
  fileRoots?: (
    config: TConfigSchema extends z.ZodType ? z.output<TConfigSchema> : undefined,
  ) => readonly FileRoots[];
  migrations?: Migrations;
  /** HTTP API contracts the plugin serves; each route must get a handler in init. */
  apis?: readonly HttpApi[];
  extensionPoints?: TPoints;
  /** Catalogs (made with `defineErrorCodes`) of the codes the plugin throws; `atrium inspect` lists them. */
  errorCodes?: readonly ErrorCodes[];
  init(
    context: PluginInitContext<
      TDeps,
      TConfigSchema extends z.ZodType ? z.output<TConfigSchema> : undefined,
      TPoints
    >,
    // biome-ignore lint/suspicious/noConfusingVoidType: an init that returns nothing is the common case, as in Backstage
  ): void | PluginHooks | Promise<void | PluginHooks>;
}

/** A declared plugin, ready to add to a backend. */
export interface PluginFeature {
  readonly $$type: '@atrium/Plugin';
  readonly id: string;
  readonly description?: string;
  readonly config?: z.ZodType;
  readonly configKey: string;
  readonly deps: ServiceRefs;
  readonly permissions: readonly Permission[];
  /** Readable directories the plugin's config grants, from its validated config. */
  readonly fileRoots?: (config: unknown) => readonly FileRoots[];
  readonly migrations: Migrations;
  readonly apis: readonly HttpApi[];
  readonly extensionPoints: ExtensionPoints;
  readonly errorCodes: readonly ErrorCodes[];
  readonly init: (
    context: PluginInitContext<ServiceRefs, unknown, ExtensionPoints>,
    // biome-ignore lint/suspicious/noConfusingVoidType: as PluginOptions.init
  ) => void | PluginHooks | Promise<void | PluginHooks>;
}

const idPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares a plugin.
 *
 * @example
 * export const todoPlugin = definePlugin({
 *   id: 'todo',
 *   deps: { http: coreServices.httpRouter, db: coreServices.database },
 *   apis: [todoApi],
 *   migrations: todoMigrations,
 *   async init({ deps }) {
 *     deps.http.implement(todoApi, { listTodos: async () => listTodos(await deps.db.getClient()) });
 *   },
 * });
 */
export function definePlugin<
  TDeps extends ServiceRefs,
  TConfigSchema extends z.ZodType | undefined = undefined,
  TPoints extends ExtensionPoints = Record<never, never>,
>(options: PluginOptions<TDeps, TConfigSchema, TPoints>): PluginFeature {
  if (!idPattern.test(options.id)) {
    throw new AtriumError(
      kernelErrorCodes.KERNEL_INVALID_PLUGIN_ID,
      `plugin id '${options.id}' is not valid. Plugin ids are kebab-case (lowercase words joined by '-'), such as 'catalog' or 'tech-insights'; rename it`,
      { details: { pluginId: options.id } },
    );
  }
  return {
    $$type: '@atrium/Plugin',
    id: options.id,
    description: options.description,
    config: options.config,
    configKey: options.configKey ?? options.id,
    deps: options.deps,
    permissions: options.permissions ?? [],
    fileRoots: (options.fileRoots ?? (() => [])) as PluginFeature['fileRoots'],
    migrations: options.migrations ?? {},
    apis: options.apis ?? [],
    extensionPoints: options.extensionPoints ?? {},
    errorCodes: options.errorCodes ?? [],
    init: options.init as PluginFeature['init'],
  };
}
