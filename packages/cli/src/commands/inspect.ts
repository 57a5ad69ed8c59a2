import { commonErrorCodes, describeErrorCodes } from '@atrium/errors';
import {
  type DeclaredFileRoots,
  kernelErrorCodes,
  type ModuleFeature,
  type PluginFeature,
} from '@atrium/kernel';
import { z } from 'zod';
import type { CliIo } from '../cli-io.js';
import { loadInstalled } from '../load-installed.js';

type JsonSchema = { properties?: Record<string, JsonSchema>; type?: string | string[]; description?: string };

/** Dotted config keys a schema accepts, with their JSON types. */
function configKeys(prefix: string, schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const walk = (node: JsonSchema, path: string): string[] => {
    if (node.properties && Object.keys(node.properties).length > 0) {
      return Object.entries(node.properties).flatMap(([name, child]) => walk(child, `${path}.${name}`));
    }
    return [`${path}${node.type ? ` (${[node.type].flat().join('|')})` : ''}`];
  };
  return walk(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema, prefix);
}

/** Everything a plugin's manifest declares, as plain data (file roots as the config makes them). */
function describePlugin(
  plugin: PluginFeature,
  modules: readonly ModuleFeature[],
  fileRoots: readonly DeclaredFileRoots[] = [],
) {
  return {
    id: plugin.id,
    description: plugin.description,
    mountPath: `/api/${plugin.id}`,
    configKeys: configKeys(plugin.configKey, plugin.config),
    permissions: plugin.permissions.map((p) => ({
      name: p.name,
      action: p.attributes.action,
      resourceType: p.resourceType,
    })),
    migrations: Object.keys(plugin.migrations).sort(),
    fileRoots: fileRoots
      .filter((roots) => roots.pluginId === plugin.id)
      .map((roots) => ({ setting: roots.setting, paths: [...roots.paths] })),
    routes: [
      {
        method: 'GET',
        path: `/api/${plugin.id}/openapi.json`,
        access: 'public',
        summary: 'OpenAPI document',
      },
      ...plugin.apis.flatMap((api) =>
        Object.values(api.routes).map((r) => ({
          method: r.method,
          path: `/api/${plugin.id}${r.path}`,
          access: r.access ?? 'any',
          summary: r.summary,
        })),
      ),
    ],
    extensionPoints: Object.values(plugin.extensionPoints).map((p) => p.id),
    modules: modules
      .filter((m) => m.plugin === plugin.id)
      .map((m) => ({
        id: m.fullId,
        extends: Object.values(m.extensionPoints).map((p) => p.id),
        configKeys: configKeys(m.configKey ?? m.plugin, m.config),
      })),
    errorCodes: plugin.errorCodes.flatMap(describeErrorCodes),
  };
}

function printPlugin(io: CliIo, p: ReturnType<typeof describePlugin>) {
  const list = (title: string, items: string[]) =>
    io.out(`  ${title}:${items.length === 0 ? ' none' : `\n${items.map((i) => `    - ${i}`).join('\n')}`}`);
  io.out(`plugin ${p.id}${p.description ? `: ${p.description}` : ''} (mounted at ${p.mountPath})`);
  list('config keys', p.configKeys);
  list(
    'permissions',
    p.permissions.map(
      (x) => `${x.name}${x.action ? ` [${x.action}]` : ''}${x.resourceType ? ` on ${x.resourceType}` : ''}`,
    ),
  );
  list('migrations', p.migrations);
  list(
    'readable file roots',
    p.fileRoots.map((r) => `${r.setting}: ${r.paths.length > 0 ? r.paths.join(', ') : 'none'}`),
  );
  list(
    'routes',
    p.routes.map((r) => `${r.method} ${r.path} (${r.access})${r.summary ? ` ${r.summary}` : ''}`),
  );
  list('extension points', p.extensionPoints);
  list(
    'modules',
    p.modules.map((m) => `${m.id}${m.extends.length ? ` extends ${m.extends.join(', ')}` : ''}`),
  );
  list(
    'error codes',
    p.errorCodes.map((e) => `${e.code}: ${e.description}`),
  );
}

/**
 * `atrium inspect`: lists every installed plugin's config keys, permissions, migrations,
 * routes, extension points and error codes (`--json` adds the kernel's and the common codes).
 */
export async function inspect(
  io: CliIo,
  configPaths: readonly string[] | undefined,
  asJson: boolean,
): Promise<number> {
  const report = await loadInstalled(io.cwd, configPaths);
  const plugins = report.plugins.map((p) => describePlugin(p, report.modules, report.fileRoots));
  const errorCodes = [...describeErrorCodes(commonErrorCodes), ...describeErrorCodes(kernelErrorCodes)];
  if (asJson) io.out(JSON.stringify({ plugins, errorCodes }, null, 2));
  else if (plugins.length === 0) io.out('no plugins installed; list them in backend.features');
  else for (const plugin of plugins) printPlugin(io, plugin);
  for (const problem of report.featureProblems) io.err(`[${problem.code}] ${problem.message}`);
  return report.featureProblems.length > 0 ? 1 : 0;
}
