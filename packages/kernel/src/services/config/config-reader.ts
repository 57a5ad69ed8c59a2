import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../../kernel-error-codes.js';

/** A JSON value as config holds it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** Read access to the merged app config, with typed getters that name the key on error. */
export interface ConfigReader {
  /** The raw value at a dotted path (or the whole config), or undefined. */
  getOptional<T = JsonValue>(path?: string): T | undefined;
  /** The raw value at a dotted path; a missing value is an error naming the key. */
  get<T = JsonValue>(path: string): T;
  has(path: string): boolean;
  getString(path: string): string;
  getOptionalString(path: string): string | undefined;
  getNumber(path: string): number;
  getOptionalNumber(path: string): number | undefined;
  getOptionalBoolean(path: string): boolean | undefined;
  getOptionalStringArray(path: string): string[] | undefined;
  /** A reader for the subtree at `path` (empty when absent). */
  getConfig(path: string): ConfigReader;
  /** The config files the values came from, in load order, then the files read by `$file` and `$include`. */
  readonly sources: readonly string[];
}

function lookup(data: JsonValue | undefined, path: string | undefined): JsonValue | undefined {
  if (!path) return data;
  let current: JsonValue | undefined = data;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[part];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Wraps a config object in a {@link ConfigReader}.
 *
 * @example
 * const config = createConfigReader({ backend: { listen: { port: 7007 } } });
 * config.getNumber('backend.listen.port'); // 7007
 */
export function createConfigReader(
  data: JsonObject,
  sources: readonly string[] = [],
  prefix = '',
): ConfigReader {
  const full = (path: string) => (prefix ? `${prefix}.${path}` : path);
  const typed = <T>(path: string, type: string, check: (v: unknown) => boolean): T | undefined => {
    const value = lookup(data, path);
    if (value === undefined) return undefined;
    if (!check(value)) {
      throw new AtriumError(
        kernelErrorCodes.CONFIG_INVALID,
        `config value at '${full(path)}' must be ${type}, got ${describe(value)}`,
        {
          details: { path: full(path) },
        },
      );
    }
    return value as T;
  };
  const required = <T>(path: string, value: T | undefined): T => {
    if (value === undefined) {
      throw new AtriumError(
        kernelErrorCodes.CONFIG_MISSING,
        `missing required config value at '${full(path)}'; set it in app-config.yaml`,
        {
          details: { path: full(path) },
        },
      );
    }
    return value;
  };
  const reader: ConfigReader = {
    sources,
    getOptional: <T>(path?: string) => lookup(data, path) as T | undefined,
    get: <T>(path: string) => required(path, lookup(data, path) as T | undefined),
    has: (path) => lookup(data, path) !== undefined,
    getOptionalString: (path) => typed<string>(path, 'a string', (v) => typeof v === 'string'),
    getString: (path) => required(path, reader.getOptionalString(path)),
    getOptionalNumber: (path) =>
      typed<number>(path, 'a number', (v) => typeof v === 'number' && Number.isFinite(v)),
    getNumber: (path) => required(path, reader.getOptionalNumber(path)),
    getOptionalBoolean: (path) => typed<boolean>(path, 'a boolean', (v) => typeof v === 'boolean'),
    getOptionalStringArray: (path) =>
      typed<string[]>(
        path,
        'an array of strings',
        (v) => Array.isArray(v) && v.every((i) => typeof i === 'string'),
      ),
    getConfig: (path) => {
      const value = typed<JsonObject>(
        path,
        'an object',
        (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
      );
      return createConfigReader(value ?? {}, sources, full(path));
    },
  };
  return reader;
}
