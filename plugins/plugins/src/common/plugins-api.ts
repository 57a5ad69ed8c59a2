import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';
import { pluginDeclarationSchema, pluginIdSchema } from './plugin-package-format.js';

/** Largest accepted tarball (bytes, before base64): the route's body limit follows from it. */
export const MAX_TARBALL_BYTES = 50 * 1024 * 1024;

const semverish = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[0-9A-Za-z.+-]+$/, 'must be a version such as 1.2.3');
const jsonObject = z.record(z.string(), z.unknown());

/** Where a package comes from. */
export const installSourceSchema = z.discriminatedUnion('type', [
  /** An uploaded `npm pack` tarball, base64-encoded. */
  z.object({
    type: z.literal('upload'),
    tarball: z
      .string()
      .min(1)
      .max(Math.ceil(MAX_TARBALL_BYTES / 3) * 4),
  }),
  /** A built package folder under one of `plugins.allowedRoots`. */
  z.object({ type: z.literal('folder'), path: z.string().min(1).max(1000) }),
  /** `name@version` from the registry at `plugins.registry.url`. */
  z.object({
    type: z.literal('registry'),
    name: z
      .string()
      .min(1)
      .max(214)
      .regex(/^(@[a-z0-9~][a-z0-9._~-]*\/)?[a-z0-9~][a-z0-9._~-]*$/, 'must be an npm package name'),
    version: semverish,
  }),
]);

/** Where a package comes from. */
export type InstallSource = z.infer<typeof installSourceSchema>;

/** One installed version of a plugin package. */
export const installedVersionSchema = z.object({
  version: z.string(),
  /** `upload`, `folder:<path>` or `registry:<name>@<version>`. */
  source: z.string(),
  /** `sha512-<base64>` of the tarball, checked at every load. */
  integrity: z.string(),
  installedAt: z.string(),
  declaration: pluginDeclarationSchema,
});

/** What one backend reports for one plugin. */
export const backendPluginStatusSchema = z.object({
  backendId: z.string(),
  /** The version this backend serves, or null when it serves none. */
  version: z.string().nullable(),
  state: z.enum(['serving', 'stopped', 'failed', 'pending']),
  error: z.string().optional(),
  updatedAt: z.string(),
});

/** What one backend reports for one plugin. */
export type BackendPluginStatus = z.infer<typeof backendPluginStatusSchema>;

/** An installed plugin (or module) with its desired state and what every backend reports. */
export const installedPluginSchema = z.object({
  id: z.string(),
  packageName: z.string(),
  role: z.enum(['plugin', 'module']),
  /** `enabled` (the desired state is to serve `enabledVersion`) or `disabled`. */
  state: z.enum(['enabled', 'disabled']),
  enabledVersion: z.string().nullable(),
  /** The config given to the plugin (validated against its config schema). */
  config: jsonObject,
  versions: z.array(installedVersionSchema),
  backends: z.array(backendPluginStatusSchema),
  updatedAt: z.string(),
});

/** An installed plugin. */
export type InstalledPlugin = z.infer<typeof installedPluginSchema>;

/** One event of the history (also sent to the kernel auditor). */
export const pluginHistoryEventSchema = z.object({
  id: z.string(),
  time: z.string(),
  pluginId: z.string(),
  action: z.enum([
    'install',
    'enable',
    'upgrade',
    'rollback',
    'configure',
    'disable',
    'uninstall',
    'refused',
  ]),
  version: z.string().optional(),
  actor: z.string().optional(),
  message: z.string(),
});

/** One history event. */
export type PluginHistoryEvent = z.infer<typeof pluginHistoryEventSchema>;

/** The answer to an install: what the package declares, for the review before enabling. */
export const installReviewSchema = z.object({
  pluginId: z.string(),
  version: z.string(),
  integrity: z.string(),
  declaration: pluginDeclarationSchema,
  /** Whether `atrium.hostApi` matches this host's API version. Installs that do not are refused. */
  hostApiVersion: z.string(),
  /** The version serving now, if any: enabling the new one is an upgrade (or a downgrade). */
  enabledVersion: z.string().nullable(),
  /** True when this exact version and integrity were already installed. */
  alreadyInstalled: z.boolean(),
});

/** The review of an installed package. */
export type InstallReview = z.infer<typeof installReviewSchema>;

/** A backend taking part in convergence. */
export const backendInstanceSchema = z.object({
  backendId: z.string(),
  lastSeen: z.string(),
  plugins: z.array(backendPluginStatusSchema.extend({ pluginId: z.string() })),
});

/** A runtime frontend bundle this backend serves now (seam C): the app plugin serves it to browsers. */
export const frontendFeatureSchema = z.object({
  pluginId: z.string(),
  /** The package name (the app's feature name). */
  name: z.string(),
  version: z.string(),
  integrity: z.string(),
  /** The folder of the unpacked bundle on the answering backend (its entry is index.js). */
  dir: z.string(),
});

/** The topic published when the frontend bundles of a backend changed. */
export const PLUGINS_FRONTENDS_CHANGED_TOPIC = 'plugins.frontends.changed';

/** A runtime frontend bundle enabled now. */
export type FrontendFeature = z.infer<typeof frontendFeatureSchema>;

const pluginParams = z.object({ pluginId: pluginIdSchema });
const versionBody = z.object({ version: semverish });

/**
 * The plugin manager's HTTP API at `/api/plugins`. An install stores the package and answers
 * the review; nothing of the package runs until `enable`.
 */
export const pluginsApi = defineHttpApi({
  title: 'Plugin manager',
  routes: {
    getAccess: {
      method: 'GET',
      path: '/access',
      summary: 'What the calling user may do here (the web app hides the admin page otherwise)',
      access: 'user',
      response: z.object({ canRead: z.boolean(), canInstall: z.boolean(), canManage: z.boolean() }),
    },
    listPlugins: {
      method: 'GET',
      path: '/installed',
      summary: 'Installed plugins with desired state and per-backend status',
      response: z.object({ items: z.array(installedPluginSchema) }),
      permissions: ['plugins.read'],
    },
    getPlugin: {
      method: 'GET',
      path: '/installed/:pluginId',
      summary: 'One installed plugin',
      params: pluginParams,
      response: installedPluginSchema,
      permissions: ['plugins.read'],
    },
    install: {
      method: 'POST',
      path: '/install',
      summary:
        'Installs a package from a tarball, an allowed folder or the registry; answers the review (nothing runs yet)',
      body: z.object({ source: installSourceSchema }),
      bodyLimit: Math.ceil(MAX_TARBALL_BYTES / 3) * 4 + 64 * 1024,
      response: installReviewSchema,
      successStatus: 201,
      permissions: ['plugins.install'],
    },
    review: {
      method: 'GET',
      path: '/installed/:pluginId/versions/:version',
      summary: 'The review of one installed version: what it declares',
      params: z.object({ pluginId: pluginIdSchema, version: semverish }),
      response: installReviewSchema,
      permissions: ['plugins.read'],
    },
    enable: {
      method: 'POST',
      path: '/installed/:pluginId/enable',
      summary:
        'Enables a version (default: the newest installed), with an optional config; every backend converges',
      params: pluginParams,
      body: z.object({ version: semverish.optional(), config: jsonObject.optional() }),
      response: installedPluginSchema,
      permissions: ['plugins.manage'],
    },
    upgrade: {
      method: 'POST',
      path: '/installed/:pluginId/upgrade',
      summary: 'Switches to a newer installed version; the old one serves until the new one is healthy',
      params: pluginParams,
      body: versionBody,
      response: installedPluginSchema,
      permissions: ['plugins.install'],
    },
    rollback: {
      method: 'POST',
      path: '/installed/:pluginId/rollback',
      summary: 'Switches to any installed version (default: the one enabled before) in one call',
      params: pluginParams,
      body: z.object({ version: semverish.optional() }),
      response: installedPluginSchema,
      permissions: ['plugins.install'],
    },
    configure: {
      method: 'PUT',
      path: '/installed/:pluginId/config',
      summary:
        "Replaces the plugin's config (validated against its config schema); an enabled plugin restarts with it",
      params: pluginParams,
      body: z.object({ config: jsonObject }),
      response: installedPluginSchema,
      permissions: ['plugins.manage'],
    },
    disable: {
      method: 'POST',
      path: '/installed/:pluginId/disable',
      summary:
        'Stops serving on every backend: routes answer 404 PLUGIN_DISABLED; data and versions are kept',
      params: pluginParams,
      response: installedPluginSchema,
      permissions: ['plugins.manage'],
    },
    uninstall: {
      method: 'DELETE',
      path: '/installed/:pluginId',
      summary: "Disables and removes every version; the plugin's data is kept unless purge=true",
      params: pluginParams,
      query: z.object({
        purge: z
          .enum(['true', 'false'])
          .default('false')
          .transform((v) => v === 'true'),
      }),
      successStatus: 204,
      permissions: ['plugins.uninstall'],
    },
    history: {
      method: 'GET',
      path: '/history',
      summary: 'Lifecycle events, newest first',
      query: z.object({
        pluginId: pluginIdSchema.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: z.object({ items: z.array(pluginHistoryEventSchema) }),
      permissions: ['plugins.read'],
    },
    backends: {
      method: 'GET',
      path: '/backends',
      summary: 'Every backend that converges, with what it serves',
      response: z.object({ items: z.array(backendInstanceSchema) }),
      permissions: ['plugins.read'],
    },
    frontendFeatures: {
      method: 'GET',
      path: '/frontend-features',
      summary:
        "Frontend bundles this backend serves now, with their local folders: for the app plugin's feature source (services only)",
      access: 'service',
      response: z.object({ items: z.array(frontendFeatureSchema) }),
    },
  },
});
