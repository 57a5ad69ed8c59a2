import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AtriumError } from '@atrium/errors';
import { HOST_API_VERSION, type ModuleFeature, type PluginFeature } from '@atrium/kernel';
import { z } from 'zod';
import { pluginBuildErrorCodes } from './plugin-build-error-codes.js';

/** The `atrium` field `atrium plugin build` writes (the plugin manager's package format). */
export interface AtriumField {
  id: string;
  role: 'plugin' | 'module';
  pluginId?: string;
  backend?: string;
  frontend?: string;
  hostApi: string;
  config?: Record<string, unknown>;
  permissions?: string[];
  routes?: string;
  migrations?: boolean;
  extensionPoints?: { provides?: string[]; extends?: string[] };
}

const BACKEND_ENTRY = './dist/backend/index.js';

// Draft 7, not zod's default 2020-12: the plugin manager validates config with ajv's default
// (draft-07) and the admin UI's form with a draft-7 validator; a 2020-12 `$schema` compiles in neither.
const idsOf = (points: Record<string, { id: string }>) => Object.values(points).map((point) => point.id);

function fromPlugin(plugin: PluginFeature): Omit<AtriumField, 'hostApi'> {
  return {
    id: plugin.id,
    role: 'plugin',
    backend: BACKEND_ENTRY,
    ...(plugin.config
      ? {
          config: z.toJSONSchema(plugin.config, {
            target: 'draft-7',
            unrepresentable: 'any',
            io: 'input',
          }) as Record<string, unknown>,
        }
      : {}),
    permissions: plugin.permissions.map((permission) => permission.name),
    routes: `/api/${plugin.id}`,
    migrations: Object.keys(plugin.migrations).length > 0,
    extensionPoints: { provides: idsOf(plugin.extensionPoints as Record<string, { id: string }>) },
  };
}

function fromModule(module: ModuleFeature): Omit<AtriumField, 'hostApi'> {
  return {
    id: module.id,
    role: 'module',
    pluginId: module.plugin,
    backend: BACKEND_ENTRY,
    ...(module.config
      ? {
          config: z.toJSONSchema(module.config, {
            target: 'draft-7',
            unrepresentable: 'any',
            io: 'input',
          }) as Record<string, unknown>,
        }
      : {}),
    extensionPoints: { extends: idsOf(module.extensionPoints as Record<string, { id: string }>) },
  };
}

/**
 * Reads the built backend entry's manifest (its default export: plugin or module) and
 * derives the `atrium` field from it: id, config schema as JSON schema, permissions,
 * routes, migrations, extension points, and the host API range this kernel offers.
 * Without a backend build, only the frontend and host range are declared.
 */
export async function describeManifest(dir: string, id: string): Promise<AtriumField> {
  const hostApi = `^${HOST_API_VERSION}`;
  const entry = join(dir, BACKEND_ENTRY);
  if (!existsSync(entry)) return { id, role: 'plugin', hostApi };
  const exported = ((await import(pathToFileURL(entry).href)) as { default?: { $$type?: string } }).default;
  if (exported?.$$type === '@atrium/Plugin') return { ...fromPlugin(exported as PluginFeature), hostApi };
  if (exported?.$$type === '@atrium/Module') return { ...fromModule(exported as ModuleFeature), hostApi };
  throw new AtriumError(
    pluginBuildErrorCodes.PLUGIN_BUILD_NO_MANIFEST,
    `${entry}: the default export is not a plugin (definePlugin) or module (defineModule); export it as default from src/backend/index.ts`,
  );
}
