import { z } from 'zod';

/** A plugin or module id: lower-case words joined by '-', as `definePlugin` requires. */
export const pluginIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "must be lower-case words joined by '-', such as 'tech-radar'")
  .max(64);

/** A path inside the package: relative, starting with './', never leaving the package. */
const packagePath = z
  .string()
  .max(300)
  .regex(/^\.\/[^\\\0]+$/, "must start with './' and name a file inside the package")
  .refine((path) => !path.split('/').includes('..'), "must not contain '..'");

/**
 * The `atrium` field of a plugin package's `package.json` (written by `atrium plugin build`):
 * everything the manager shows in the review and checks before any of the package's code runs.
 */
export const atriumPackageFieldSchema = z.object({
  /** The plugin id (`role: 'plugin'`) or the module id (`role: 'module'`). */
  id: pluginIdSchema,
  role: z.enum(['plugin', 'module']),
  /** For a module: the id of the plugin it extends. */
  pluginId: pluginIdSchema.optional(),
  /** The backend entry (an ES module whose default export is the plugin or module). */
  backend: packagePath.optional(),
  /** The frontend entry (an ES module bundle taking shared libraries from the host). */
  frontend: packagePath.optional(),
  /** The host API range the package needs (semver range), e.g. `^0.1.0`. */
  hostApi: z.string().min(1).max(100),
  /** The config schema: a JSON schema inline, or a JSON file in the package. */
  config: z.union([packagePath, z.record(z.string(), z.unknown())]).optional(),
  /** Names of the permissions the plugin declares. */
  permissions: z.array(z.string().min(1).max(200)).max(200).optional(),
  /** The route prefix the plugin serves, e.g. `/api/tech-radar`. */
  routes: z.string().max(200).optional(),
  /** Whether the plugin runs database migrations. */
  migrations: z.boolean().optional(),
  extensionPoints: z
    .object({
      provides: z.array(z.string().min(1).max(200)).max(100).optional(),
      extends: z.array(z.string().min(1).max(200)).max(100).optional(),
    })
    .optional(),
});

/** The `atrium` field of a plugin package. */
export type AtriumPackageField = z.infer<typeof atriumPackageFieldSchema>;

/** What an installed package declares, as the review screen shows it. */
export const pluginDeclarationSchema = z.object({
  packageName: z.string(),
  version: z.string(),
  description: z.string().optional(),
  id: z.string(),
  role: z.enum(['plugin', 'module']),
  pluginId: z.string().optional(),
  hostApi: z.string(),
  hasBackend: z.boolean(),
  hasFrontend: z.boolean(),
  routes: z.string().optional(),
  permissions: z.array(z.string()),
  /** Top-level config keys of the config schema (`properties`), with their descriptions. */
  configKeys: z.array(
    z.object({ key: z.string(), type: z.string().optional(), description: z.string().optional() }),
  ),
  /** The config JSON schema itself (the admin UI generates its form from it). */
  configSchema: z.record(z.string(), z.unknown()).optional(),
  migrations: z.boolean(),
  extensionPoints: z.object({ provides: z.array(z.string()), extends: z.array(z.string()) }),
});

/** What an installed package declares. */
export type PluginDeclaration = z.infer<typeof pluginDeclarationSchema>;
