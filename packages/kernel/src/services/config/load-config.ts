import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AtriumError } from '@atrium/errors';
import { parseDocument } from 'yaml';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import { type ConfigReader, createConfigReader, type JsonObject, type JsonValue } from './config-reader.js';
import { mergeConfig, setConfigPath } from './merge-config.js';
import { resolveDirectives } from './resolve-directives.js';

/** Options for {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Directory holding app-config.yaml; defaults to the working directory. */
  rootDir?: string;
  /** Explicit `--config` files, in order; when given, only these are read. */
  configPaths?: readonly string[];
  /** Config given in code, merged last (tests, embedding). */
  extra?: JsonObject;
  env?: Record<string, string | undefined>;
}

/** The merged config plus the paths that came from the environment or files (secrets). */
export interface LoadedConfig {
  reader: ConfigReader;
  data: JsonObject;
  secretPaths: ReadonlySet<string>;
}

function parseFile(file: string): JsonValue {
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text, { prettyErrors: true });
  const [error] = doc.errors;
  if (error) {
    const line = error.linePos?.[0];
    const where = line ? `${file}:${line.line}:${line.col}` : file;
    throw new AtriumError(
      kernelErrorCodes.CONFIG_LOAD_FAILED,
      `config file ${where} is not valid YAML: ${error.message.split('\n')[0]}`,
      {
        details: { file, line: line?.line },
      },
    );
  }
  return (doc.toJS() ?? {}) as JsonValue;
}

function envOverrides(env: Record<string, string | undefined>, secretPaths: Set<string>): JsonObject {
  const out: JsonObject = {};
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('APP_CONFIG_') || raw === undefined) continue;
    const path = name.slice('APP_CONFIG_'.length).split('_').filter(Boolean);
    let value: JsonValue = raw;
    try {
      value = JSON.parse(raw) as JsonValue;
    } catch {
      // Not JSON: keep the plain string, as Backstage does.
    }
    setConfigPath(out, path, value);
    secretPaths.add(path.join('.'));
  }
  return out;
}

/**
 * Loads app config in Backstage's order: `app-config.yaml`, then `app-config.local.yaml`
 * when present, or only the explicit `--config` files; then `APP_CONFIG_*` variables.
 *
 * @example
 * const { reader } = loadConfig({ configPaths: ['app-config.yaml', 'app-config.production.yaml'] });
 */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const rootDir = options.rootDir ?? process.cwd();
  // `${ATRIUM_ROOT}` names the folder the portal runs from, for absolute file URLs in config.
  const env = { ATRIUM_ROOT: rootDir, ...(options.env ?? process.env) };
  // Explicit paths, even an empty list, replace the default files (tests pass []).
  const files =
    options.configPaths !== undefined
      ? options.configPaths.map((p) => resolve(rootDir, p))
      : ['app-config.yaml', 'app-config.local.yaml']
          .map((p) => resolve(rootDir, p))
          .filter((p) => existsSync(p));
  const secretPaths = new Set<string>();
  const included = new Set<string>();
  let data: JsonObject = {};
  for (const file of files) {
    if (!existsSync(file)) {
      throw new AtriumError(
        kernelErrorCodes.CONFIG_LOAD_FAILED,
        `config file '${file}' does not exist (given with --config)`,
        {
          details: { file },
        },
      );
    }
    const parsed = resolveDirectives(parseFile(file), '', {
      file,
      env,
      substituted: secretPaths,
      included,
    });
    if (parsed === undefined || parsed === null) continue;
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new AtriumError(
        kernelErrorCodes.CONFIG_LOAD_FAILED,
        `config file '${file}' must hold a YAML mapping at the top level`,
      );
    }
    data = mergeConfig(data, parsed);
  }
  data = mergeConfig(data, envOverrides(env, secretPaths));
  if (options.extra) data = mergeConfig(data, options.extra);
  return { reader: createConfigReader(data, [...files, ...included]), data, secretPaths };
}
