import { InputError } from '@atrium/errors';
import semver from 'semver';
import type { z } from 'zod';
import {
  type AtriumPackageField,
  atriumPackageFieldSchema,
  type PluginDeclaration,
} from '../../common/index.js';
import { pluginsErrorCodes } from '../plugins-error-codes.js';
import type { TarFile } from './tarball.js';

/** A package read from its files: what it declares, and its files by path. */
export interface PluginPackage {
  declaration: PluginDeclaration;
  /** The backend entry path inside the package (without './'), if any. */
  backendEntry?: string;
  /** The folder of the frontend entry inside the package (served whole), if any. */
  frontendEntry?: string;
  files: Map<string, Buffer>;
}

/**
 * Modules the host gives a runtime plugin (it resolves them from the portal's own
 * node_modules); any other runtime dependency must be bundled into the package.
 */
const HOST_SHARED = [
  /^@atrium\//,
  /^react(-dom)?$/,
  /^react-router$/,
  /^@mui\//,
  /^@tanstack\/react-query$/,
  /^zod$/,
  /^kysely$/,
];

const invalid = (name: string, problems: string[]) =>
  new InputError(`package ${name} is not an Atrium plugin package: ${problems.join('; ')}`, {
    code: pluginsErrorCodes.PLUGINS_PACKAGE_INVALID,
    details: { problems },
  });

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `'atrium.${issue.path.join('.')}' ${issue.message}`);
}

function parseManifest(files: Map<string, Buffer>): Record<string, unknown> {
  try {
    const manifest = JSON.parse(files.get('package.json')?.toString('utf8') ?? '');
    if (manifest && typeof manifest === 'object' && !Array.isArray(manifest)) return manifest;
  } catch {
    // Not JSON: reported below.
  }
  throw invalid('(unnamed)', ['package.json is not a JSON object']);
}

function configSchemaOf(
  config: string | Record<string, unknown> | undefined,
  files: Map<string, Buffer>,
  problems: string[],
): Record<string, unknown> | undefined {
  if (config === undefined || typeof config === 'object') return config;
  try {
    return JSON.parse(files.get(config.slice(2))?.toString('utf8') ?? 'null') ?? undefined;
  } catch {
    // Not JSON: reported below.
  }
  problems.push(`'atrium.config' names ${config}, which is not a JSON schema file in the package`);
  return undefined;
}

function configKeysOf(schema: Record<string, unknown> | undefined): PluginDeclaration['configKeys'] {
  const properties = (schema?.properties ?? {}) as Record<string, { type?: unknown; description?: unknown }>;
  return Object.entries(properties).map(([key, value]) => ({
    key,
    ...(typeof value?.type === 'string' ? { type: value.type } : {}),
    ...(typeof value?.description === 'string' ? { description: value.description } : {}),
  }));
}

function checkDependencies(manifest: Record<string, unknown>, problems: string[]): void {
  const dependencies = Object.keys((manifest.dependencies ?? {}) as object);
  const bundled = new Set([manifest.bundleDependencies, manifest.bundledDependencies].flat().filter(Boolean));
  const missing = dependencies.filter((dep) => !bundled.has(dep) && !HOST_SHARED.some((re) => re.test(dep)));
  if (missing.length > 0)
    problems.push(
      `dependencies ${missing.map((d) => `'${d}'`).join(', ')} are not shared by the host; bundle them into the package (nothing is npm-installed)`,
    );
}

function checkEntry(
  path: string | undefined,
  field: string,
  files: Map<string, Buffer>,
  problems: string[],
): void {
  if (path !== undefined && !files.has(path.slice(2)))
    problems.push(`'atrium.${field}' names ${path}, which is not a file in the package (was it built?)`);
}

function declarationOf(
  manifest: Record<string, unknown>,
  field: AtriumPackageField,
  configSchema: Record<string, unknown> | undefined,
): PluginDeclaration {
  return {
    packageName: String(manifest.name),
    version: String(manifest.version),
    ...(typeof manifest.description === 'string' ? { description: manifest.description } : {}),
    id: field.id,
    role: field.role,
    ...(field.pluginId ? { pluginId: field.pluginId } : {}),
    hostApi: field.hostApi,
    hasBackend: field.backend !== undefined,
    hasFrontend: field.frontend !== undefined,
    ...(field.routes ? { routes: field.routes } : {}),
    permissions: field.permissions ?? [],
    configKeys: configKeysOf(configSchema),
    ...(configSchema ? { configSchema } : {}),
    migrations: field.migrations ?? false,
    extensionPoints: {
      provides: field.extensionPoints?.provides ?? [],
      extends: field.extensionPoints?.extends ?? [],
    },
  };
}

/**
 * Reads and validates a package's package.json and `atrium` field, naming every problem.
 * Then checks `atrium.hostApi` against the host's version: nothing of the package has run.
 */
export function readPluginPackage(tarFiles: readonly TarFile[], hostApiVersion: string): PluginPackage {
  const files = new Map(tarFiles.map((file) => [file.path, file.content]));
  const manifest = parseManifest(files);
  const name = typeof manifest.name === 'string' ? manifest.name : '';
  const version = typeof manifest.version === 'string' ? manifest.version : '';
  const problems: string[] = [];
  if (!name) problems.push("'name' is missing");
  if (!semver.valid(version))
    problems.push(`'version' ${JSON.stringify(manifest.version)} is not a semver version`);
  const parsed = atriumPackageFieldSchema.safeParse(manifest.atrium);
  if (!parsed.success) {
    if (manifest.atrium === undefined)
      problems.push("the 'atrium' field is missing; build the package with 'atrium plugin build'");
    else problems.push(...describeIssues(parsed.error));
    throw invalid(name || '(unnamed)', problems);
  }
  const field = parsed.data;
  if (!semver.validRange(field.hostApi))
    problems.push(`'atrium.hostApi' ${JSON.stringify(field.hostApi)} is not a semver range`);
  if (field.role === 'module' && !field.pluginId)
    problems.push("'atrium.pluginId' is required for a module: the plugin it extends");
  if (!field.backend && !field.frontend)
    problems.push("the package declares neither 'atrium.backend' nor 'atrium.frontend'");
  checkEntry(field.backend, 'backend', files, problems);
  checkEntry(field.frontend, 'frontend', files, problems);
  checkDependencies(manifest, problems);
  const configSchema = configSchemaOf(field.config, files, problems);
  if (problems.length > 0) throw invalid(`${name}@${version}`, problems);
  if (!semver.satisfies(hostApiVersion, field.hostApi, { includePrerelease: true }))
    throw new InputError(
      `package ${name}@${version} needs host API ${field.hostApi} ('atrium.hostApi'), but this portal offers ${hostApiVersion}; it was refused before any of its code ran`,
      {
        code: pluginsErrorCodes.PLUGINS_HOST_API_MISMATCH,
        details: { hostApi: field.hostApi, hostApiVersion },
      },
    );
  return {
    files,
    backendEntry: field.backend?.slice(2),
    frontendEntry: field.frontend?.slice(2),
    declaration: declarationOf(manifest, field, configSchema),
  };
}
