import { AtriumError } from '@atrium/errors';
import { webKernelErrorCodes } from '../web-kernel-error-codes.js';
import { defineApiRef } from './api-ref.js';

/** The frontend-visible app config (the `atrium-config` JSON), read by dotted path. */
export interface ConfigApi {
  /** The value at `path` (e.g. `app.title`), or undefined. */
  getOptional(path: string): unknown;
  getOptionalString(path: string): string | undefined;
  getOptionalBoolean(path: string): boolean | undefined;
  /** The string at `path`; throws `WEB_CONFIG_MISSING` when absent or not a string. */
  getString(path: string): string;
}

/** Ref of the app config API. */
export const configApiRef = defineApiRef<ConfigApi>({ id: 'core.config' });

/**
 * Wraps a plain config object in the {@link ConfigApi}.
 *
 * @example
 * createConfigApi({ app: { title: 'Atrium' } }).getString('app.title'); // 'Atrium'
 */
export function createConfigApi(data: Record<string, unknown>): ConfigApi {
  const getOptional = (path: string): unknown => {
    let current: unknown = data;
    for (const key of path.split('.')) {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
  return {
    getOptional,
    getOptionalString: (path) => {
      const value = getOptional(path);
      return typeof value === 'string' ? value : undefined;
    },
    getOptionalBoolean: (path) => {
      const value = getOptional(path);
      return typeof value === 'boolean' ? value : undefined;
    },
    getString: (path) => {
      const value = getOptional(path);
      if (typeof value === 'string') return value;
      throw new AtriumError(
        webKernelErrorCodes.WEB_CONFIG_MISSING,
        `config key '${path}' is ${value === undefined ? 'missing' : `a ${typeof value}, not a string`}. ` +
          `Set '${path}' in app-config.yaml and give it frontend visibility.`,
        { details: { path } },
      );
    },
  };
}
